import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { execute, gqlError, useGraphql } from '../support/graphql.ts';

const db = useTestDatabase();
useGraphql();

describe(`errors a client sees on ${databaseKind}`, () => {
  it('names what is wrong with a malformed request', async () => {
    await gqlError('GRAPHQL_PARSE_FAILED', '{ reports { ');
    const unknown = await gqlError('GRAPHQL_VALIDATION_FAILED', '{ reports { nonsense } }');
    expect(unknown.message).toContain('nonsense');
    const date = await gqlError('BAD_USER_INPUT', 'query ($d: Date) { reports(filter: { publishedFrom: $d }) { totalCount } }', { d: '2023-13-45' });
    expect(date.message).toContain('YYYY-MM-DD');
    const literal = await gqlError('GRAPHQL_VALIDATION_FAILED', '{ reports(filter: { publishedFrom: "yesterday" }) { totalCount } }');
    expect(literal.message).toContain('YYYY-MM-DD');
  });

  it('hides internal failures: no database, SQL or stack text reaches the client', async () => {
    const database = db.database();
    if (database.kind === 'pglite') {
      await database.close();
    } else {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE "${new URL(database.location).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
    const result = await execute('{ reports(first: 5) { totalCount } }');
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(result);
    for (const leak of ['prisma', 'Prisma', 'SELECT', 'postgres', 'PGlite', 'node_modules', 'stacktrace', '/work/']) expect(text).not.toContain(leak);
  });
});

describe(`text the database cannot store, on ${databaseKind}`, () => {
  it('refuses the NUL character as bad input, in variables and literals (found by fuzzing)', async () => {
    const viaVariable = await gqlError('BAD_USER_INPUT', 'query ($s: String) { recommendations(first: 1, filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' });
    expect(viaVariable.message).toContain('NUL');
    const literal = '{ recommendations(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }';
    await gqlError('BAD_USER_INPUT', literal);
    // Again: the document's literals are checked once and the answer kept with it.
    await gqlError('BAD_USER_INPUT', literal);
  });
});

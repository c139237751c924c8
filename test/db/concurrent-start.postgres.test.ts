import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { processReady, startProcess, type StartedProcess } from '../support/process.ts';
import { postGraphql, signInOverHttp } from '../support/server.ts';

/**
 * Several server processes behind a load balancer, started together on an empty PostgreSQL
 * database: one migrates and loads the demo data while the others wait for it, and all serve.
 * (The embedded database serves one process: a second is refused, test/server/process.test.ts.)
 */
let created: TestDatabaseConfig | undefined;
const started: StartedProcess[] = [];
afterAll(async () => {
  for (const process of started) process.child.kill('SIGTERM');
  await Promise.all(started.map((process) => process.exited));
  await created?.drop();
});

describe(`processes starting together on ${databaseKind}`, () => {
  it('all start on an empty database, migrating it and loading the demo data once', async () => {
    created = await createTestDatabase();
    const url = (created.config as { url: string }).url;
    started.push(...Array.from({ length: 3 }, () => startProcess({ DATABASE_URL: url })));
    const urls = await Promise.all(started.map((process) => processReady(process, 120_000)));
    expect(started.filter((process) => process.output().includes('Loaded the illustrative demo data'))).toHaveLength(1);
    for (const serverUrl of urls) {
      expect((await fetch(`${serverUrl}/healthz`)).status).toBe(200);
      const { cookie } = await signInOverHttp(serverUrl, 'viewer@example.org', 'viewer-demo-2026');
      expect((await postGraphql(serverUrl, '{ reports { totalCount } }', {}, { cookie })).body).toEqual({ data: { reports: { totalCount: 3 } } });
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS users FROM "User"');
    await client.end();
    expect(rows[0].users).toBe(5);
  }, 180_000);
});

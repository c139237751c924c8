import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind } from '../support/database.ts';
import { demoRecords } from '../support/demo.ts';
import { globalId } from '../support/graphql.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

/**
 * Input a hostile script sends, over HTTP as it would: each is refused as the caller's mistake
 * (BAD_USER_INPUT, or BAD_REQUEST for a malformed request) naming what is wrong, with a 4xx or
 * GraphQL's 200, never an internal error or a 5xx, and nothing is written.
 */
const server = useTestServer();
let viewer: { cookie: string };
let admin: { cookie: string };
let inspector: { cookie: string };
beforeAll(async () => {
  viewer = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026');
  admin = await signInOverHttp(server.url, 'admin@example.org', 'admin-demo-2026');
  inspector = await signInOverHttp(server.url, 'inspector@example.org', 'inspector-demo-2026');
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
type Answer = Awaited<ReturnType<typeof postGraphql>>;
const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.code) ?? [];

/** Refused as the caller's mistake, with this code, never a server failure. */
function expectRefused(answer: Answer, code = 'BAD_USER_INPUT') {
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  expect(codes(answer)).toContain(code);
  expect(codes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
}

async function raw(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe(`hostile ids and cursors, on ${databaseKind}`, () => {
  it('refuses a global id past the 32-bit range, or not a number, in every kind of argument and input', async () => {
    for (const other of [b64('Foo:1'), b64('Node:1'), b64('Query:1'), b64('Session:1')]) {
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: other }, viewer));
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { nodes(ids: [$id]) { id } }', { id: other }, viewer));
    }
    for (const id of [globalId('Recommendation', 2 ** 31), globalId('Recommendation', 99_999_999_999), b64('Recommendation:abc'), b64('Recommendation:-5'), b64('Recommendation:0')]) {
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { recommendation(id: $id) { id } }', { id }, viewer));
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id }, viewer));
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { nodes(ids: [$id]) { id } }', { id }, viewer));
      expectRefused(await postGraphql(server.url, 'query ($id: ID!) { recommendations(filter: { reportId: $id }) { totalCount } }', { id: id.replace(b64('Recommendation'), b64('Report')) }, viewer));
      expectRefused(await postGraphql(server.url,
        'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id } }',
        { input: { id, version: 1, status: 'IN_PROGRESS', comment: 'x' } }, inspector));
    }
  });

  it('refuses malformed and forged cursors, in root lists and nested ones', async () => {
    for (const cursor of ['***', b64('junk'), b64('GPC:N:99999999999'), b64('GPC:S:abc'), b64('GPC:J:{}'), b64('GPC:D:2020'), b64('GPC:N:-1')]) {
      expectRefused(await postGraphql(server.url, 'query ($after: String) { recommendations(first: 2, after: $after) { totalCount } }', { after: cursor }, viewer));
      expectRefused(await postGraphql(server.url, 'query ($before: String) { reports(last: 2, before: $before) { totalCount } }', { before: cursor }, viewer));
      expectRefused(await postGraphql(server.url,
        'query ($after: String) { recommendations(first: 1) { edges { node { actionItems(first: 2, after: $after) { totalCount } history(first: 2, after: $after) { totalCount } } } } }',
        { after: cursor }, viewer));
    }
    // A cursor the list gave out works.
    const first = await postGraphql<{ recommendations: { edges: { cursor: string }[] } }>(server.url, '{ recommendations(first: 1) { edges { cursor } } }', {}, viewer);
    const next = await postGraphql(server.url, 'query ($after: String) { recommendations(first: 1, after: $after) { totalCount } }', { after: first.body.data!.recommendations.edges[0]!.cursor }, viewer);
    expect(next.body.errors).toBeUndefined();
  });
});

describe(`hostile text, on ${databaseKind}`, () => {
  it('refuses half of a surrogate pair in any variable, alone or in a list, changing nothing, and keeps a whole pair (found by fuzzing)', async () => {
    const create = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name formerNames } }';
    const before = await prisma.organisation.count();
    for (const input of [
      { name: 'Fuzzed body', formerNames: ['Earlier body', '\ud800'], kind: 'DELIVERY_UNIT' },
      { name: 'Fuzzed \udc00 body', kind: 'DELIVERY_UNIT' },
      { name: 'Fuzzed body \ud83d', kind: 'DELIVERY_UNIT' },
    ]) {
      const answer = await postGraphql(server.url, create, { input }, admin);
      expectRefused(answer);
      expect(answer.body.errors![0]!.message).toContain('unpaired UTF-16 surrogate');
    }
    // In a search too: a reader's filter is refused the same way, not answered from text the database never holds.
    expectRefused(await postGraphql(server.url, 'query ($s: String) { recommendations(first: 1, filter: { search: $s }) { totalCount } }', { s: 'MARAC \udfff' }, viewer));
    expect(await prisma.organisation.count()).toBe(before);
    // A character beyond the first plane is a whole pair, and is kept as it is.
    const kept = await postGraphql<{ createOrganisation: { name: string; formerNames: string[] } }>(server.url, create,
      { input: { name: 'Body 𝔄', formerNames: ['Earlier 😀'], kind: 'DELIVERY_UNIT' } }, admin);
    expect(kept.body.errors).toBeUndefined();
    expect(kept.body.data!.createOrganisation).toMatchObject({ name: 'Body 𝔄', formerNames: ['Earlier 😀'] });
  });
});

describe(`hostile dates, on ${databaseKind}`, () => {
  it('refuses dates out of range and impossible or zone-less date-times, in inputs and filters', async () => {
    for (const date of ['0000-01-01', '0001-01-01', '1900-01-01', '275760-01-01', '+100000-01-01', '2023-02-30', '2300-01-01']) {
      const answer = await postGraphql(server.url, 'query ($d: Date) { reports(filter: { publishedFrom: $d }) { totalCount } }', { d: date }, viewer);
      expectRefused(answer);
      expect(answer.body.errors![0]!.message).toContain('between 1950-01-01 and 2199-12-31');
    }
    for (const instant of ['2023-02-30T00:00:00Z', '2023-02-03T00:00:00', '2023-02-03T25:00:00Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z', 'tomorrow']) {
      expectRefused(await postGraphql(server.url, 'query ($d: DateTime) { recommendations(filter: { updatedSince: $d }) { totalCount } }', { d: instant }, viewer));
    }
    // With a zone it is an instant, and a good one is taken.
    const fine = await postGraphql(server.url, 'query ($d: DateTime) { recommendations(filter: { updatedSince: $d }) { totalCount } }', { d: '2024-03-01T09:30:00+01:00' }, viewer);
    expect(fine.body.errors).toBeUndefined();
  });

  it('refuses a due date of 1900 and writes nothing', async () => {
    const rec = (await demoRecords()).rec(2023, 'R6');
    const before = await prisma.actionItem.count();
    const answer = await postGraphql(server.url,
      'mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }',
      { input: { recommendationId: rec.id, description: 'Train every practitioner.', ownerId: (await demoRecords()).org('HMPPS').id, dueDate: '1900-01-01' } },
      inspector);
    expectRefused(answer);
    expect(await prisma.actionItem.count()).toBe(before);
  });

  it('refuses a token that would expire past the range, before making it', async () => {
    const before = await prisma.apiToken.count();
    const answer = await postGraphql(server.url, 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
      { input: { name: 'forever', access: 'READ', expiresAt: '+275760-09-13T00:00:00Z' } }, admin);
    expectRefused(answer);
    expect(await prisma.apiToken.count()).toBe(before);
  });
});

describe(`hostile text and shapes, on ${databaseKind}`, () => {
  it('matches search text literally: %, _ and a trailing backslash are characters, not patterns', async () => {
    const count = async (search: string) =>
      (await postGraphql<{ recommendations: { totalCount: number } }>(server.url, 'query ($s: String) { recommendations(filter: { search: $s }) { totalCount } }', { s: search }, viewer)).body;
    expect(await count('%')).toEqual({ data: { recommendations: { totalCount: 0 } } });
    expect(await count('_')).toEqual({ data: { recommendations: { totalCount: 0 } } });
    expect(await count('risk\\')).toEqual({ data: { recommendations: { totalCount: 0 } } });
    expect((await count('risk')).data!.recommendations.totalCount).toBeGreaterThan(0);
    for (const list of ['reports', 'organisations', 'users', 'actionItems', 'evidence']) {
      const answer = await postGraphql(server.url, `query ($s: String) { ${list}(filter: { search: $s }) { totalCount } }`, { s: '100%\\' }, viewer);
      expect(answer.body, list).toEqual({ data: { [list]: { totalCount: 0 } } });
    }
  });

  it('refuses 50,000 values in a list filter, and 20,000 levels of nested variables, even from nobody signed in', async () => {
    const statuses = await postGraphql(server.url, 'query ($s: [RecommendationStatus!]) { recommendations(filter: { statuses: $s }) { totalCount } }', { s: Array(50_000).fill('IN_PROGRESS') }, viewer);
    expect(statuses.status).toBe(400);
    expectRefused(statuses);
    expect(statuses.body.errors).toHaveLength(1);
    const ids = await postGraphql(server.url, 'query ($s: [ID!]) { recommendations(filter: { themeIds: $s }) { totalCount } }', { s: Array.from({ length: 50_000 }, (_, i) => globalId('Theme', i + 1)) }, viewer);
    expectRefused(ids);
    // Written out by hand: JSON.stringify itself cannot go that deep.
    const nested = `${'['.repeat(20_000)}"deep"${']'.repeat(20_000)}`;
    const query = JSON.stringify('query ($s: [ID!]) { recommendations(filter: { themeIds: $s }) { totalCount } }');
    for (const headers of [{}, viewer]) {
      const deep = await raw(`{"query": ${query}, "variables": {"s": ${nested}}}`, headers);
      expect(deep.status).toBe(400);
      expect(JSON.parse(deep.text).errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses NUL in text with 400, whether in a variable or a literal', async () => {
    const variable = await postGraphql(server.url, 'query ($s: String) { reports(filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' }, viewer);
    expect(variable.status).toBe(400);
    expectRefused(variable);
    const literal = await postGraphql(server.url, '{ reports(filter: { search: "a\\u0000b" }) { totalCount } }', {}, viewer);
    expect(literal.status).toBe(400);
    expectRefused(literal);
  });

  it('refuses a subscription as a bad request', async () => {
    const answer = await postGraphql(server.url, 'subscription { recommendations { totalCount } }', {}, viewer);
    expect(answer.status).toBe(400);
    expectRefused(answer, 'BAD_REQUEST');
  });

  it('answers malformed bodies with JSON errors that show nothing of the server, whatever its mode', async () => {
    const answers = [
      await raw('{"query": "{ me { email } }"'),
      await raw('{"query": "{ me { email } }", "variables": {"n": NaN}}'),
      await raw('null'),
      await raw('"query"'),
      await raw('[]'),
      await raw('{"query": "{ me { email } }"}', { 'content-encoding': 'snappy' }),
      await raw('{"query": "{ me { email } }"}', { 'content-type': 'application/json; charset=koi8-r' }),
      // Bytes that are not UTF-8 (a lone surrogate's encoding, an overlong slash) in a variable: refused, not read as U+FFFD.
      await raw(new Uint8Array(Buffer.concat([Buffer.from('{"query": "query ($s: String) { reports(filter: { search: $s }) { totalCount } }", "variables": {"s": "a'), Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf]), Buffer.from('b"}}')]))),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.text).toBeLessThan(500);
      expect(answer.type).toContain('application/json');
      expect(answer.text).not.toMatch(/at \w|node_modules|\/work\/|<html|<pre|stack/i);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toMatch(/BAD_REQUEST|BAD_USER_INPUT/);
    }
    expect(JSON.parse(answers.at(-1)!.text).errors[0].message).toBe('The request body is not valid UTF-8.');
  });
});

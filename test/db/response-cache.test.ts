import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeGeneration } from '../../server/db/change-feed.ts';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useChangeFeed, useTestDatabase, writeAsAnotherClient } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { responseKeyOf } from '../../server/graphql/plugins/response-cache.ts';
import { countStatements, execute, gql, globalId, READER, requestOf, statementsFor, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
useGraphql();
const { as } = useDemo();
useChangeFeed(test);

const LIST = `query ($first: Int) { recommendations(first: $first) { totalCount edges { node { id reference status isOverdue targetDate
  viewerCanUpdateStatus owner { name } } } } }`;
const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version } }`;

type List = { recommendations: { totalCount: number; edges: { node: { id: string; status: string; isOverdue: boolean; targetDate: string | null; viewerCanUpdateStatus: boolean } }[] } };
const mayUpdate = (data: List) => data.recommendations.edges.filter((edge) => edge.node.viewerCanUpdateStatus).map((edge) => edge.node.id);
const statusOf = (data: List, id: string) => data.recommendations.edges.find((edge) => edge.node.id === id)?.node.status;

afterEach(() => {
  vi.useRealTimers();
});

describe(`whole answers kept per caller until the records change, on ${databaseKind}`, () => {
  it('answer a query asked again by the same caller without SQL, and a write through the API at once', async () => {
    const first = await statementsFor<List>(LIST, { first: 50 });
    expect(first.count).toBeGreaterThan(0);
    const again = await statementsFor<List>(LIST, { first: 50 });
    expect(again.count).toBe(0);
    expect(again.data).toEqual(first.data);
    // Other variables are another answer.
    expect((await statementsFor<List>(LIST, { first: 5 })).count).toBeGreaterThan(0);

    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', owner: { shortName: 'HMPPS' } } });
    const id = globalId('Recommendation', rec.id);
    const ONE = `{ recommendation(id: "${id}") { status } }`;
    await gql(ONE);
    expect(await statementsFor(ONE)).toEqual({ count: 0, data: { recommendation: { status: 'IN_PROGRESS' } } });
    await gql(STATUS, { input: { id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.hmppsLeader);
    // No waiting: the answer to the write has been given, so every read after it shows it.
    expect((await gql(ONE)).recommendation.status).toBe('IMPLEMENTED');
    expect((await statementsFor<List>(LIST, { first: 50 })).count).toBeGreaterThan(0);
  });

  it('never give one caller an answer kept for another: each sees what they may do', async () => {
    const viewer = await gql<List>(LIST, { first: 100 }, as.viewer);
    expect(mayUpdate(viewer)).toEqual([]);
    const hmpps = await statementsFor<List>(LIST, { first: 100 }, as.hmppsLeader);
    expect(hmpps.count).toBeGreaterThan(0);
    expect(mayUpdate(hmpps.data).length).toBeGreaterThan(0);
    const other = await gql<List>(LIST, { first: 100 }, as.leader);
    expect(mayUpdate(other)).not.toEqual(mayUpdate(hmpps.data));
    // The same person through a read-only API token may change nothing.
    const readOnly = await statementsFor<List>(LIST, { first: 100 }, { ...as.hmppsLeader, apiTokenId: 1, access: 'READ' });
    expect(readOnly.count).toBeGreaterThan(0);
    expect(mayUpdate(readOnly.data)).toEqual([]);
    // Each kept answer is still its own caller's.
    expect(mayUpdate(await gql<List>(LIST, { first: 100 }, as.hmppsLeader))).toEqual(mayUpdate(hmpps.data));
    expect(mayUpdate(await gql<List>(LIST, { first: 100 }, as.viewer))).toEqual([]);
  });

  it('never give one person the answer kept for another who may do the same', async () => {
    const ME = '{ me { email } }';
    const viewer = { ...READER, userId: as.viewer.userId };
    const admin = { ...READER, userId: as.admin.userId };
    expect((await gql(ME, {}, viewer)).me.email).toBe('viewer@example.org');
    expect((await gql(ME, {}, viewer)).me.email).toBe('viewer@example.org');
    expect((await gql(ME, {}, admin)).me.email).toBe('admin@example.org');
  });

  it('keep every answer through a sign-in, which changes nothing anyone is shown', async () => {
    const records = changeGeneration('records')!;
    const reports = changeGeneration('reports')!;
    await gql('mutation ($input: LoginInput!) { login(input: $input) { email } }', { input: { email: 'viewer@example.org', password: 'viewer-demo-2026' } }, null);
    // A change to the reports, announced after the sign-in's writes: once it is heard, so would they have been.
    await writeAsAnotherClient(test, 'UPDATE "Report" SET title = title WHERE false');
    await vi.waitFor(() => expect(changeGeneration('reports')).toBeGreaterThan(reports), { timeout: 5000, interval: 10 });
    expect(changeGeneration('records')).toBe(records + 1);
  });

  it('show a change written by someone else, straight to the database, as soon as it is announced', async () => {
    const shown = await gql<List>(LIST, { first: 100 });
    const { id, status } = shown.recommendations.edges.find((edge) => edge.node.status !== 'NOT_PLANNED')!.node;
    expect(statusOf(await gql<List>(LIST, { first: 100 }), id)).toBe(status);
    const rec = { id: Number(Buffer.from(id, 'base64').toString().split(':')[1]) };
    await writeAsAnotherClient(test, `UPDATE "Recommendation" SET status = 'NOT_PLANNED', version = version + 1 WHERE id = ${rec.id}`);
    await vi.waitFor(async () => expect(statusOf(await gql<List>(LIST, { first: 100 }), id)).toBe('NOT_PLANNED'), { timeout: 5000, interval: 20 });
  });

  it('work out again what counts from the day once the day changes', async () => {
    const shown = await gql<List>(LIST, { first: 100 });
    const { id, targetDate } = shown.recommendations.edges.find((edge) => edge.node.isOverdue)!.node;
    const overdue = (data: List) => data.recommendations.edges.find((edge) => edge.node.id === id)?.node.isOverdue;
    expect(overdue(await gql<List>(LIST, { first: 100 }))).toBe(true);
    // The day before its target date, it was not overdue yet.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(targetDate!) - 86_400_000 });
    expect(overdue(await gql<List>(LIST, { first: 100 }))).toBe(false);
  });

  it('keep no answer with errors, and none about API tokens', async () => {
    const missing = `{ user(id: "${globalId('User', 999_999)}") { id } }`;
    for (let i = 0; i < 2; i++) {
      const { result, statements } = await countStatements(() => execute(missing));
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(statements.length).toBeGreaterThan(0);
    }
    for (let i = 0; i < 2; i++) {
      const { result, statements } = await countStatements(() => execute('{ apiTokens { id lastUsedAt } }', {}, as.admin));
      expect(result.errors).toBeUndefined();
      expect(statements.length).toBeGreaterThan(0);
    }
  });

  it('file an answer under the records’ state, the day and the whole caller, and keep none for nobody, a mutation or tokens', () => {
    const LIST_ONE = '{ recommendations(first: 1) { totalCount } }';
    const key = responseKeyOf(requestOf(LIST_ONE, READER));
    expect(key).not.toBeNull();
    // The same again while nothing changes: what follows differs by the caller alone.
    expect(responseKeyOf(requestOf(LIST_ONE, { ...READER }))).toBe(key);
    for (const other of [{ ...READER, userId: 1 }, { ...READER, role: 'INSPECTOR' as const }, { ...READER, organisationPath: '1/' }, { ...READER, apiTokenId: 3 }, { ...READER, access: 'READ_WRITE' as const }]) {
      expect(responseKeyOf(requestOf(LIST_ONE, other))).not.toBe(key);
    }
    expect(responseKeyOf(requestOf(LIST_ONE, null))).toBeNull();
    expect(responseKeyOf(requestOf('mutation { logout }', READER))).toBeNull();
    expect(responseKeyOf(requestOf('{ apiTokens { id } }', READER))).toBeNull();
    expect(responseKeyOf(requestOf('{ recommendations(first: 1) { totalCount } node(id: "x") { id } }', READER))).toBeNull();
  });
});

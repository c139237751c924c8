import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { consistencyProblems, databaseFingerprint } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { execute, gql, gqlError, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const LINK = `mutation ($input: LinkRepeatInput!) { linkRepeat(input: $input) { version repeatCount firstMadeOn repeats { reference } repeatConfirmed repeatSimilarity } }`;
const versionOf = async (dbId: number) => (await prisma.recommendation.findUniqueOrThrow({ where: { id: dbId } })).version;

describe(`the rules of repeats on ${databaseKind}`, () => {
  it('links only to a recommendation of an earlier report', async () => {
    const earlier = demo.rec(2023, 'R2');
    const later = demo.rec(2025, '1');
    const before = await databaseFingerprint();
    const forwards = await gqlError('BAD_USER_INPUT', LINK, { input: { id: earlier.id, version: await versionOf(earlier.dbId), repeatsId: later.id } }, as.inspector);
    expect(forwards.extensions?.fields).toEqual([{ path: ['repeatsId'], message: 'a recommendation can only repeat one from an earlier report' }]);
    const sameReport = await gqlError('BAD_USER_INPUT', LINK, { input: { id: earlier.id, version: await versionOf(earlier.dbId), repeatsId: demo.rec(2023, 'R4').id } }, as.inspector);
    expect(sameReport.message).toContain('earlier report');
    await gqlError('BAD_USER_INPUT', LINK, { input: { id: earlier.id, version: await versionOf(earlier.dbId), repeatsId: earlier.id } }, as.inspector);
    expect(await databaseFingerprint()).toBe(before);
  });

  it('can never make a cycle, even with data loaded around the rules', async () => {
    // Force a backwards link in the data (as a bad bulk load might), then try to close the loop.
    const a = demo.rec(2018, '3');
    const b = demo.rec(2023, 'R11');
    await prisma.recommendation.update({ where: { id: a.dbId }, data: { repeatsId: b.dbId } });
    const error = await gqlError('BAD_USER_INPUT', LINK, { input: { id: b.id, version: await versionOf(b.dbId), repeatsId: a.id } }, as.inspector);
    expect(error.message).toMatch(/cycle|earlier report/);
    await prisma.recommendation.update({ where: { id: a.dbId }, data: { repeatsId: null } });
  });

  it('derives the chain: link, confirm, unlink — each in history, derived facts kept up to date', async () => {
    const later = demo.rec(2023, 'R11');
    const earlier = demo.rec(2018, '3');
    const proposed = await gql(LINK, { input: { id: later.id, version: await versionOf(later.dbId), repeatsId: earlier.id, confirmed: false } }, as.inspector);
    expect(proposed.linkRepeat).toMatchObject({ repeats: { reference: '3' }, repeatConfirmed: false, repeatCount: 0, firstMadeOn: '2023-07-04' });
    expect(proposed.linkRepeat.repeatSimilarity).toBeGreaterThan(0);
    const confirmed = await gql(`mutation ($input: ConfirmRepeatInput!) { confirmRepeat(input: $input) { repeatConfirmed repeatCount firstMadeOn isRepeatedUnmet } }`, {
      input: { id: later.id, version: await versionOf(later.dbId) },
    }, as.inspector);
    expect(confirmed.confirmRepeat).toEqual({ repeatConfirmed: true, repeatCount: 1, firstMadeOn: '2018-09-25', isRepeatedUnmet: true });
    const unlinked = await gql(`mutation ($input: UnlinkRepeatInput!) { unlinkRepeat(input: $input) { repeats { id } repeatCount firstMadeOn isRepeatedUnmet } }`, {
      input: { id: later.id, version: await versionOf(later.dbId), comment: 'Different subject on reading.' },
    }, as.inspector);
    expect(unlinked.unlinkRepeat).toEqual({ repeats: null, repeatCount: 0, firstMadeOn: '2023-07-04', isRepeatedUnmet: false });
    const kinds = (await prisma.historyEvent.findMany({ where: { recommendationId: later.dbId, kind: { in: ['REPEAT_LINKED', 'REPEAT_CONFIRMED', 'REPEAT_UNLINKED'] } }, orderBy: { id: 'asc' } })).map((e) => e.kind);
    expect(kinds).toEqual(['REPEAT_LINKED', 'REPEAT_CONFIRMED', 'REPEAT_UNLINKED']);
    // History names the earlier recommendation as a person reads it, not by a database number.
    const linked = await prisma.historyEvent.findFirstOrThrow({ where: { recommendationId: later.dbId, kind: 'REPEAT_LINKED' } });
    expect(linked.toValue).toBe('3 (report of 25 Sept 2018)');
    expect(await consistencyProblems()).toEqual([]);
  });

  it('orders the lineage by report date, whichever member is asked', async () => {
    const chain = ['2018-09-25 2', '2023-07-04 R5', '2025-10-14 2'];
    for (const [year, ref] of [[2018, '2'], [2023, 'R5'], [2025, '2']] as const) {
      const { recommendation } = await gql(`query ($id: ID!) { recommendation(id: $id) { lineage { reference report { publishedOn } } } }`, { id: demo.rec(year, ref).id });
      expect(recommendation.lineage.map((r: { reference: string; report: { publishedOn: string } }) => `${r.report.publishedOn} ${r.reference}`)).toEqual(chain);
    }
  });
});

describe(`concurrent edits on ${databaseKind}`, () => {
  it('lets exactly one of several simultaneous updates with the same version win; the others get CONFLICT', async () => {
    const rec = demo.rec(2023, 'R4');
    const version = await versionOf(rec.dbId);
    const statuses = ['IMPLEMENTED', 'NOT_STARTED', 'NOT_PLANNED', 'IMPLEMENTED', 'NOT_STARTED'];
    const results = await Promise.all(
      statuses.map((status, i) =>
        execute(`mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version } }`, {
          input: { id: rec.id, version, status, comment: `Client ${i}` },
        }, as.hmppsLeader),
      ),
    );
    const winners = results.filter((result) => !result.errors);
    const losers = results.filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of losers) expect(loser.errors![0]!.extensions?.code).toBe('CONFLICT');
    const final = await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.dbId } });
    expect(final.version).toBe(version + 1);
    const events = await prisma.historyEvent.findMany({ where: { recommendationId: rec.dbId, kind: 'STATUS_CHANGED', createdAt: { gte: new Date(Date.now() - 60_000) } } });
    expect(events).toHaveLength(1);
    expect(events[0]!.toValue).toBe(final.status);
  });
});

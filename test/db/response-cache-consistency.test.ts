import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApollo } from '../../server/graphql/apollo.ts';
import type { Context } from '../../server/graphql/context.ts';
import { createLogger } from '../../server/logger.ts';
import { databaseKind, useChangeFeed, useTestDatabase, writeAsAnotherClient } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { execute, executeOn, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
useGraphql();
const { demo, as } = useDemo();
useChangeFeed(test);

// A server that keeps no whole answer: what the kept answers must always agree with.
let computed: ApolloServer<Context>;
beforeAll(async () => {
  computed = createApollo(createLogger('silent'), { responseCacheBytes: 0 });
  await computed.start();
});
afterAll(async () => {
  await computed?.stop();
});

/** Reads that between them show a field of every table the records are made of. */
const READS = [
  `{ reports(first: 20) { edges { node { title followsUp { title } } } } }`,
  `query ($id: ID!) { report(id: $id) { title recommendations(first: 100) { edges { node { reference text status owner { name }
    themes { name } addressees { organisation { name } responseNote } latestAssessment { commentary inspector { name } }
    actionItems(first: 50) { edges { node { description evidence(first: 5) { summary } } } } } } } } }`,
  `query ($id: ID!) { report(id: $id) { recommendations(first: 100) { edges { node { history(first: 50) { edges { node { comment actor { name } } } } } } } } }`,
  `{ recommendations(first: 50) { totalCount edges { node { reference status isOverdue actionItemCount owner { name } report { title } } } } }`,
  `{ dashboard { recommendationCount byStatus { status count } byOwner { owner { name } total } progressByReport { report { title } } } }`,
];

async function answers(server: 'kept' | 'computed', reportId: string) {
  const results = [];
  for (const query of READS) {
    const result = await (server === 'kept' ? execute(query, { id: reportId }, as.inspector) : executeOn(computed, query, { id: reportId }, as.inspector));
    expect(result.errors).toBeUndefined();
    results.push(result.data);
  }
  return results;
}

describe(`kept answers agree with computed ones after a change to any table, on ${databaseKind}`, () => {
  it('once the change to each table of the records, written straight to the database, is announced', async () => {
    const report = demo.report(2023);
    const ofReport = `SELECT id FROM "Recommendation" WHERE "reportId" = ${report.dbId}`;
    const ofItems = `SELECT id FROM "ActionItem" WHERE "recommendationId" IN (${ofReport})`;
    const writes: Record<string, string> = {
      Recommendation: `UPDATE "Recommendation" SET text = text || ' (amended)' WHERE id = (SELECT min(id) FROM (${ofReport}) r)`,
      ActionItem: `UPDATE "ActionItem" SET description = description || ' (amended)' WHERE id = (SELECT min(id) FROM (${ofItems}) a)`,
      Evidence: `UPDATE "Evidence" SET summary = summary || ' (amended)' WHERE id = (SELECT min(id) FROM "Evidence" WHERE "actionItemId" IN (${ofItems}))`,
      Assessment: `UPDATE "Assessment" SET commentary = commentary || ' (amended)' WHERE "recommendationId" IN (${ofReport})`,
      Organisation: `UPDATE "Organisation" SET name = name || ' (renamed)' WHERE id IN (SELECT "ownerId" FROM "Recommendation" WHERE "reportId" = ${report.dbId})`,
      Report: `UPDATE "Report" SET title = title || ' (revised)' WHERE id = ${report.dbId}`,
      Theme: `UPDATE "Theme" SET name = name || ' (renamed)'`,
      User: `UPDATE "User" SET name = name || ' (renamed)'`,
      RecommendationAddressee: `UPDATE "RecommendationAddressee" SET "responseNote" = coalesce("responseNote", '') || ' (amended)' WHERE "recommendationId" IN (${ofReport})`,
      HistoryEvent: `UPDATE "HistoryEvent" SET comment = coalesce(comment, '') || ' (amended)' WHERE "recommendationId" IN (${ofReport})`,
      _RecommendationToTheme: `DELETE FROM "_RecommendationToTheme" WHERE "A" IN (${ofReport})`,
      _ReportFollowUp: `DELETE FROM "_ReportFollowUp"`,
    };
    for (const [table, sql] of Object.entries(writes)) {
      const before = await answers('kept', report.id);
      expect(await answers('kept', report.id)).toEqual(before);
      await writeAsAnotherClient(test, sql);
      const after = await answers('computed', report.id);
      // The write must show in some answer, or this would prove nothing about its table.
      expect(after, `a change to ${table} shows`).not.toEqual(before);
      await vi.waitFor(async () => expect(await answers('kept', report.id), `kept answers after a change to ${table}`).toEqual(after), { timeout: 5000, interval: 20 });
    }
  });
});

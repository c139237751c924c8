import { describe, expect, it, vi } from 'vitest';
import { changeGeneration } from '../../server/db/change-feed.ts';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { actionItemOverdueWhere } from '../../server/domain/recommendation-rules.ts';
import { ActionItemStatus, EvidenceVerification, RecommendationStatus } from '../../server/db/generated/prisma/enums.ts';
import { recommendationWhere, type RecommendationFilterInput } from '../../server/graphql/recommendations/queries.ts';
import { databaseKind, useChangeFeed, useTestDatabase, writeAsAnotherClient } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { countStatements, execute, gql, globalId, statementsFor, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
useGraphql();
const { as } = useDemo();
useChangeFeed(test);

const DASHBOARD = `{ dashboard { recommendationCount byStatus { status count } byOwner { owner { name } total }
  repeatedUnmet { reference owner { name } } overdueActionItems { description } progressByReport { report { title } } } }`;
const COUNT = `{ recommendations(first: 1, filter: { statuses: [IMPLEMENTED] }) { totalCount } }`;
const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version } }`;

const implemented = async () => (await gql(COUNT)).recommendations.totalCount as number;

describe(`counts and the dashboard kept in memory until the records change, on ${databaseKind}`, () => {
  it('answer a dashboard and a count seen again without SQL, and show a write through the API at once', async () => {
    // The figures come from one statement over every recommendation in scope; the rows the lists
    // name are read each time, by their ids.
    const figures = (statements: string[]) => statements.filter((sql) => sql.includes('WITH scope')).length;
    const first = await countStatements(() => execute(DASHBOARD));
    expect(figures(first.statements)).toBe(1);
    const again = await countStatements(() => execute(DASHBOARD));
    expect(figures(again.statements)).toBe(0);
    expect(again.result.data).toEqual(first.result.data);
    expect((await statementsFor(COUNT)).count).toBe(1);
    expect((await statementsFor(COUNT)).count).toBe(0);

    const before = await implemented();
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', owner: { shortName: 'HMPPS' } } });
    await gql(STATUS, { input: { id: globalId('Recommendation', rec.id), version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.hmppsLeader);
    // No waiting: the answer to the write has been given, so every read after it shows it.
    expect(await implemented()).toBe(before + 1);
    const after = await statementsFor(DASHBOARD);
    const implementedOf = (data: Record<string, any>) => data.dashboard.byStatus.find((row: { status: string }) => row.status === 'IMPLEMENTED')?.count ?? 0;
    expect(implementedOf(after.data)).toBe(implementedOf(first.result.data!) + 1);
  });

  it('count every choice of statuses from one read per change, each equal to counting it alone', async () => {
    const owner = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMPPS' } });
    // Every choice of a list's values, the empty one (no condition) included.
    const choicesOf = <T,>(values: readonly T[]) => Array.from({ length: 2 ** values.length }, (_, bits) => values.filter((_, bit) => bits & (1 << bit)));
    const COUNTS = `query ($statuses: [RecommendationStatus!], $itemStatuses: [ActionItemStatus!], $verifications: [EvidenceVerification!], $owner: ID) {
      all: recommendations(first: 0, filter: { statuses: $statuses }) { totalCount }
      owned: recommendations(first: 0, filter: { statuses: $statuses, ownerId: $owner, open: true }) { totalCount }
      actionItems(first: 0, filter: { statuses: $itemStatuses }) { totalCount }
      evidence(first: 0, filter: { verifications: $verifications }) { totalCount } }`;
    const recommendationChoices = choicesOf(Object.values(RecommendationStatus));
    const itemChoices = choicesOf(Object.values(ActionItemStatus));
    const verificationChoices = choicesOf(Object.values(EvidenceVerification));
    const check = async () => {
      let statements = 0;
      // As many requests as the longest list of choices, so that every list meets each of its own.
      for (let i = 0; i < Math.max(recommendationChoices.length, itemChoices.length, verificationChoices.length); i++) {
        const statuses = recommendationChoices[i % recommendationChoices.length]!;
        const itemStatuses = itemChoices[i % itemChoices.length]!;
        const verifications = verificationChoices[i % verificationChoices.length]!;
        const { result, statements: sent } = await countStatements(() =>
          execute(COUNTS, { statuses, itemStatuses, verifications, owner: globalId('Organisation', owner.id) }),
        );
        statements += sent.length;
        // Each as its own count, of the same filter.
        const alone = (filter: RecommendationFilterInput) => prisma.recommendation.count({ where: recommendationWhere(filter) });
        const among = <T,>(values: T[]) => (values.length ? { in: values } : undefined);
        expect(result.data, [statuses, itemStatuses, verifications].join(' / ')).toEqual({
          all: { totalCount: await alone({ statuses }) },
          owned: { totalCount: await alone({ statuses, ownerId: owner.id, open: true }) },
          actionItems: { totalCount: await prisma.actionItem.count({ where: { status: among(itemStatuses) } }) },
          evidence: { totalCount: await prisma.evidence.count({ where: { verification: among(verifications) } }) },
        });
      }
      return statements;
    };
    await check();
    // A write announces a change; then each list's counts for every choice come from one read
    // each (a read per choice before).
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', ownerId: owner.id } });
    const before = changeGeneration()!;
    await gql(STATUS, { input: { id: globalId('Recommendation', rec.id), version: rec.version, status: 'NOT_STARTED', comment: 'Not begun after all.' } }, as.hmppsLeader);
    // The commit counts at once (one step), and the database's own announcement of it follows (one
    // more): on PostgreSQL milliseconds later, ending whatever was kept in between. Counted once
    // it has been heard.
    await vi.waitFor(() => expect(changeGeneration()).toBeGreaterThanOrEqual(before + 2), { timeout: 5000, interval: 10 });
    expect(await check()).toBe(4);
    expect(await check()).toBe(0);
  });

  it('count this process’s own commit as a change the moment it commits, before any notification', async () => {
    const before = changeGeneration();
    expect(before).not.toBeNull();
    // A transaction that writes nothing announces nothing: only the commit itself can move the generation.
    await inTransaction(async (tx) => tx.$queryRaw`SELECT 1`);
    expect(changeGeneration()).toBe(before! + 1);
  });

  it('show a change to any table a count reads, written by someone else straight to the database, as soon as it is announced', async () => {
    const theme = await prisma.theme.findFirstOrThrow({ where: { recommendations: { some: {} } }, orderBy: { id: 'asc' } });
    const FIGURES = `query ($theme: ID!) { implemented: recommendations(first: 0, filter: { statuses: [IMPLEMENTED] }) { totalCount }
      themed: recommendations(first: 0, filter: { themeIds: [$theme] }) { totalCount } dashboard { overdueActionItemCount } }`;
    type Figures = { implemented: { totalCount: number }; themed: { totalCount: number }; dashboard: { overdueActionItemCount: number } };
    const kept = async () => {
      const { implemented, themed, dashboard } = await gql<Figures>(FIGURES, { theme: globalId('Theme', theme.id) });
      return [implemented.totalCount, themed.totalCount, dashboard.overdueActionItemCount];
    };
    // The same figures read straight from the database, nothing kept.
    const computed = async () => [
      await prisma.recommendation.count({ where: { status: 'IMPLEMENTED' } }),
      await prisma.recommendation.count({ where: { themes: { some: { id: theme.id } } } }),
      await prisma.actionItem.count({ where: actionItemOverdueWhere() }),
    ];
    const writes: Record<string, string> = {
      Recommendation: `UPDATE "Recommendation" SET status = 'IMPLEMENTED', version = version + 1 WHERE id = (SELECT min(id) FROM "Recommendation" WHERE status <> 'IMPLEMENTED')`,
      _RecommendationToTheme: `DELETE FROM "_RecommendationToTheme" WHERE "B" = ${theme.id} AND "A" = (SELECT min("A") FROM "_RecommendationToTheme" WHERE "B" = ${theme.id})`,
      ActionItem: `UPDATE "ActionItem" SET "dueDate" = DATE '2020-01-01', status = 'IN_PROGRESS' WHERE id = (SELECT min(id) FROM "ActionItem" WHERE "dueDate" IS NULL OR "dueDate" >= CURRENT_DATE OR status IN ('COMPLETED', 'CANCELLED'))`,
    };
    for (const [table, sql] of Object.entries(writes)) {
      const before = await kept();
      expect(before).toEqual(await computed());
      await writeAsAnotherClient(test, sql);
      const after = await computed();
      // The write must change a figure, or this would prove nothing about its table.
      expect(after, `a change to ${table} shows`).not.toEqual(before);
      await vi.waitFor(async () => expect(await kept(), `kept figures after a change to ${table}`).toEqual(after), { timeout: 5000, interval: 20 });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { dashboardQuery } from '../../admin/src/dashboard/query.ts';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { countStatements, demoActors, execute, globalId, statementsFor, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();

// The screens' own queries: what the number of SQL statements must not grow with.
const LIST = `{ recommendations(first: 25) { totalCount edges { node {
  reference text status isOverdue isRepeatedUnmet daysSinceUpdate actionItemCount
  owner { name } report { title publishedOn } latestAssessment { verdict assessedOn }
} } } }`;
const DRILL_DOWN = `query ($id: ID!) { report(id: $id) { title progress { shareImplemented shareAchieved }
  recommendations(first: 100) { totalCount edges { node { reference status owner { name }
    actionItems(first: 50) { totalCount edges { node { description status owner { name }
      evidence(first: 5) { summary verification submittedBy { name } } } } } } } } } }`;
const DASHBOARD = `{ dashboard { recommendationCount openRecommendationCount overdueRecommendationCount repeatedUnmetCount staleCount
  overdueActionItemCount openActionItemCount awaitingEvidenceCount
  byStatus { status count } byOwner { owner { name } total overdue } overdueByOwner { owner { name } overdue } reportedVsVerified { gap count }
  repeatedUnmet { reference report { publishedOn } owner { name } } overdueActionItems { description owner { name } }
  openActionItems { description owner { name } } progressByReport { report { title } progress { shareAchieved } } } }`;
const UNMET = `{ recommendations(first: 50, filter: { repeatedUnmet: true }, orderBy: { field: FIRST_MADE_ON }) { totalCount edges { node {
  reference firstMadeOn repeatCount owner { name } report { publishedOn } repeats { reference report { publishedOn } latestVerdict } } } } }`;

async function largestReport(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ reportId: number }[]>`SELECT "reportId" FROM "Recommendation" GROUP BY "reportId" ORDER BY count(*) DESC LIMIT 1`;
  return globalId('Report', row!.reportId);
}

describe(`SQL statements per request on ${databaseKind}`, () => {
  it('do not grow with the number of rows returned', async () => {
    await loadDemoDataIfEmpty();
    const small = {
      list: await statementsFor(LIST),
      drillDown: await statementsFor(DRILL_DOWN, { id: await largestReport() }),
      dashboard: await statementsFor(DASHBOARD),
      adminDashboard: await statementsFor(dashboardQuery),
      unmet: await statementsFor(UNMET),
    };
    await loadSynthetic({ size: 1500, seed: 11 });
    const large = {
      list: await statementsFor(LIST),
      drillDown: await statementsFor(DRILL_DOWN, { id: await largestReport() }),
      dashboard: await statementsFor(DASHBOARD),
      adminDashboard: await statementsFor(dashboardQuery),
      unmet: await statementsFor(UNMET),
    };
    // The larger data really returns more rows...
    expect(large.list.data.recommendations.edges).toHaveLength(25);
    expect(small.list.data.recommendations.edges.length).toBeLessThan(25);
    expect(large.drillDown.data.report.recommendations.totalCount).toBeGreaterThan(small.drillDown.data.report.recommendations.totalCount);
    expect(large.unmet.data.recommendations.edges.length).toBeGreaterThan(small.unmet.data.recommendations.edges.length);
    // ...with the same number of statements.
    const counts = (sizes: typeof small) => Object.fromEntries(Object.entries(sizes).map(([name, value]) => [name, value.count]));
    expect(counts(large)).toEqual(counts(small));
    // The dashboard: its figures, with the organisations and reports they name, in one statement; each
    // kind of row it lists (recommendations, action items) in one more.
    expect(counts(small)).toEqual({ list: 2, drillDown: 2, dashboard: 3, adminDashboard: 3, unmet: 2 });
  });

  // A drill-down over a large report would otherwise carry every recommendation's full text and every
  // action item's and evidence's notes it never shows.
  it('read only the columns the query asks for', async () => {
    await loadDemoDataIfEmpty();
    const sql = async (query: string, variables = {}) =>
      (await countStatements(() => execute(query, variables))).statements.join('\n');
    const drillDown = await sql(DRILL_DOWN, { id: await largestReport() });
    expect(drillDown).toContain('"reference"');
    for (const unasked of ['"text"', '"leadPerson"', '"verificationNote"', '"url"']) expect(drillDown).not.toContain(unasked);
    expect(await sql(LIST)).toContain('"text"');
  });

  // Relations asked for with the answer cost one more: Prisma reads them after its UPDATE … RETURNING.
  // A claim of "implemented" reads the action plan once more, to warn when nothing backs it.
  it('change a status in three: read it, update it returning what was asked for, and record its history', async () => {
    const change = async (status: string, expected: number) => {
      const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS' }, orderBy: { id: 'asc' } });
      const { count, data } = await statementsFor(
        'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id status version statusChangedAt } }',
        { input: { id: globalId('Recommendation', rec.id), version: rec.version, status, comment: 'Done.', confirmedWarnings: ['IMPLEMENTED_WITHOUT_EVIDENCE'] } },
        (await demoActors()).admin,
      );
      expect(data.updateRecommendationStatus).toMatchObject({ status, version: rec.version + 1 });
      expect(count).toBe(expected);
    };
    await change('NOT_STARTED', 3);
    await change('IMPLEMENTED', 4);
  });
});

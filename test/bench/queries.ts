import { prisma } from '../../server/db/client.ts';
import { loadDashboard } from '../../server/domain/dashboard.ts';
import { globalId } from '../support/graphql.ts';

/** Runs one SQL statement and gives its rows: a pg pool on PostgreSQL, Prisma's raw queries on PGlite. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** One benchmarked request: how the API is asked, and the same answer from hand-written SQL. */
export type BenchQuery = {
  name: string;
  request(): { query: string; variables?: Record<string, unknown> };
  onData?(data: unknown): void;
  sql(run: RunSql): Promise<{ once(): Promise<unknown>; answer(): Promise<unknown>; close(): Promise<void> }>;
  sqlComparable: boolean;
  /** Says how the API's answer and the SQL's differ, if they do. */
  check?(api: unknown, sql: unknown): string | undefined;
  actorId?: number;
  /** The most clients its SQL runs with, when it goes through Prisma's pool rather than the benchmark's own. */
  sqlConnections?: number;
  /** Starts again from its first variable set (before its answer is checked against the SQL's). */
  first?(): void;
};

const statement = (run: RunSql, sql: string, ...params: unknown[]) => ({
  once: () => run(sql, params),
  answer: () => run(sql, params),
  close: async () => {},
});
const idOf = (global: string) => Number(Buffer.from(global, 'base64').toString().split(':')[1]);
const differs = (what: string, api: unknown, sql: unknown) =>
  JSON.stringify(api) === JSON.stringify(sql) ? undefined : `${what}: API ${JSON.stringify(api).slice(0, 200)} / SQL ${JSON.stringify(sql).slice(0, 200)}`;

export async function benchQueries(): Promise<BenchQuery[]> {
  const [largest] = await prisma.$queryRaw<{ reportId: number }[]>`SELECT "reportId" FROM "Recommendation" GROUP BY "reportId" ORDER BY count(*) DESC, "reportId" LIMIT 1`;
  const reportId = largest!.reportId;
  const actor = await prisma.user.findUniqueOrThrow({ where: { email: 'bench1@example.org' } });
  // Every recommendation, so that none comes round again within a benchmark: autocannon never reads the
  // answers in flight when a run ends, and a version not seen would be sent again and refused.
  const pool = await prisma.recommendation.findMany({ select: { id: true, version: true, status: true }, orderBy: { id: 'asc' } });
  let next = 0;

  const list: BenchQuery = {
    name: 'recommendations list (25 rows)',
    request: () => ({
      query: `{ recommendations(first: 25) { totalCount edges { node { id reference text status isOverdue daysSinceUpdate
        owner { name } report { title publishedOn } latestAssessment { verdict assessedOn } actionItemCount } } } }`,
    }),
    sqlComparable: true,
    sql: async (run) =>
      statement(run, `SELECT r.id, r.reference, r.text, r.status, o.name AS owner, report.title, report."publishedOn", a.verdict, a."assessedOn",
             (SELECT count(*) FROM "ActionItem" ai WHERE ai."recommendationId" = r.id)::int AS "actionItemCount",
             (SELECT count(*) FROM "Recommendation")::int AS total
           FROM "Recommendation" r JOIN "Organisation" o ON o.id = r."ownerId" JOIN "Report" report ON report.id = r."reportId"
           LEFT JOIN "Assessment" a ON a.id = r."latestAssessmentId"
           ORDER BY r."createdAt" DESC, r.id DESC LIMIT 25`),
    check: (api, sql) => {
      const nodes = (api as { recommendations: { totalCount: number; edges: { node: { id: string; actionItemCount: number } }[] } }).recommendations;
      const rows = sql as { id: number; actionItemCount: number; total: number }[];
      return (
        differs('rows', nodes.edges.map((e) => [idOf(e.node.id), e.node.actionItemCount]), rows.map((r) => [r.id, r.actionItemCount])) ??
        differs('total', nodes.totalCount, rows[0]?.total)
      );
    },
  };

  const drillDown: BenchQuery = {
    name: 'report drill-down',
    request: () => ({
      query: `query ($id: ID!) { report(id: $id) { title recommendations(first: 100) { totalCount edges { node { id reference status
        actionItems(first: 50) { edges { node { id description status evidence(first: 5) { id summary verification } } } } } } } } }`,
      variables: { id: globalId('Report', reportId) },
    }),
    sqlComparable: true,
    // The same rows and columns as the API's answer: each action item with up to 5 evidence, newest first.
    sql: async (run) =>
      statement(run,
        `SELECT r.id, r.reference, r.status, coalesce((
           SELECT json_agg(json_build_object('id', ai.id, 'description', ai.description, 'status', ai.status, 'evidence', coalesce((
               SELECT json_agg(json_build_object('id', e.id, 'summary', e.summary, 'verification', e.verification) ORDER BY e."submittedAt" DESC, e.id DESC)
               FROM (SELECT * FROM "Evidence" e WHERE e."actionItemId" = ai.id ORDER BY e."submittedAt" DESC, e.id DESC LIMIT 5) e), '[]'))
             ORDER BY ai."dueDate" ASC NULLS LAST, ai.id)
           FROM (SELECT * FROM "ActionItem" ai WHERE ai."recommendationId" = r.id ORDER BY ai."dueDate" ASC NULLS LAST, ai.id LIMIT 50) ai), '[]') AS items,
           (SELECT count(*) FROM "Recommendation" WHERE "reportId" = $1)::int AS total
         FROM "Recommendation" r WHERE r."reportId" = $1 ORDER BY r.position, r.id LIMIT 100`,
        reportId,
      ),
    check: (api, sql) => {
      type Item = { id: string; description: string; status: string; evidence: { id: string; summary: string; verification: string }[] };
      const recs = (api as { report: { recommendations: { edges: { node: { id: string; status: string; actionItems: { edges: { node: Item }[] } } }[] } } }).report.recommendations.edges;
      type Row = { id: number; status: string; items: { id: number; description: string; status: string; evidence: { id: number; summary: string; verification: string }[] }[] };
      return differs(
        'recommendations, their action items and evidence',
        recs.map((e) => [idOf(e.node.id), e.node.status, e.node.actionItems.edges.map(({ node: a }) => [idOf(a.id), a.description, a.status, a.evidence.map((v) => [idOf(v.id), v.summary, v.verification])])]),
        (sql as Row[]).map((r) => [r.id, r.status, r.items.map((a) => [a.id, a.description, a.status, a.evidence.map((v) => [v.id, v.summary, v.verification])])]),
      );
    },
  };

  const dashboard: BenchQuery = {
    name: 'dashboard',
    request: () => ({
      query: `{ dashboard { recommendationCount overdueRecommendationCount repeatedUnmetCount overdueActionItemCount staleCount
        byStatus { status count } byOwner { owner { name } total overdue } reportedVsVerified { gap count }
        repeatedUnmet { id reference } overdueActionItems { id description } progressByReport { report { title } progress { shareImplemented shareAchieved } } } }`,
    }),
    sqlComparable: true,
    // Its one statement runs through Prisma, in the benchmark's process, with a pool of 20.
    sqlConnections: 10,
    sql: async () => {
      const run = () => loadDashboard({ staleDays: 90, listSize: 10 });
      return { once: run, answer: run, close: async () => {} };
    },
    check: (api, sql) => {
      const d = (api as { dashboard: Record<string, unknown> & { repeatedUnmet: { id: string }[] } }).dashboard;
      const s = sql as Record<string, unknown> & { repeatedUnmetIds: number[] };
      return (
        differs('counts', [d.recommendationCount, d.overdueRecommendationCount, d.repeatedUnmetCount, d.overdueActionItemCount, d.staleCount],
          [s.recommendationCount, s.overdueRecommendationCount, s.repeatedUnmetCount, s.overdueActionItemCount, s.staleCount]) ??
        differs('repeated and unmet', d.repeatedUnmet.map((r) => idOf(r.id)), s.repeatedUnmetIds)
      );
    },
  };

  const unmet: BenchQuery = {
    name: 'repeated and unmet (first 50)',
    request: () => ({
      query: `{ recommendations(first: 50, filter: { repeatedUnmet: true }, orderBy: { field: FIRST_MADE_ON }) { totalCount edges { node {
        id reference firstMadeOn repeatCount owner { name } report { publishedOn } } } } }`,
    }),
    sqlComparable: true,
    sql: async (run) =>
      statement(run, `SELECT r.id, r.reference, r."firstMadeOn", r."repeatDepth", o.name AS owner, report."publishedOn",
             (SELECT count(*) FROM "Recommendation" WHERE "isRepeatedUnmet")::int AS total
           FROM "Recommendation" r JOIN "Organisation" o ON o.id = r."ownerId" JOIN "Report" report ON report.id = r."reportId"
           WHERE r."isRepeatedUnmet" ORDER BY r."firstMadeOn" ASC NULLS LAST, r.id ASC LIMIT 50`),
    check: (api, sql) => {
      const c = (api as { recommendations: { totalCount: number; edges: { node: { id: string } }[] } }).recommendations;
      const rows = sql as { id: number; total: number }[];
      return differs('rows', c.edges.map((e) => idOf(e.node.id)), rows.map((r) => r.id)) ?? differs('total', c.totalCount, rows[0]?.total);
    },
  };

  const update: BenchQuery = {
    name: 'updateRecommendationStatus',
    actorId: actor.id,
    // Round robin over every recommendation: no two requests in flight touch the same one.
    request: () => {
      const rec = pool[next++ % pool.length]!;
      const status = rec.status === 'IN_PROGRESS' ? 'IMPLEMENTED' : 'IN_PROGRESS';
      return {
        query: 'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id version status } }',
        variables: { input: { id: globalId('Recommendation', rec.id), version: rec.version, status, comment: 'Benchmark.' } },
      };
    },
    onData: (data) => {
      const changed = (data as { updateRecommendationStatus: { id: string; version: number; status: string } }).updateRecommendationStatus;
      const rec = pool.find((candidate) => candidate.id === idOf(changed.id));
      if (rec) Object.assign(rec, { version: changed.version, status: changed.status });
    },
    sqlComparable: false,
    sql: async (run) => statement(run, 'SELECT 1'),
  };

  // Many variable sets, each a different page of a different list: statuses, sort order and page
  // vary together, so that no two requests in a row ask the same thing.
  const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED', 'NOT_PLANNED'];
  const ORDERS: [string, string][] = [
    ['CREATED_AT', 'r."createdAt" DESC, r.id DESC'],
    ['UPDATED_AT', 'r."updatedAt" ASC, r.id ASC'],
    ['TARGET_DATE', 'r."targetDate" ASC NULLS LAST, r.id ASC'],
    ['STATUS', 'r.status ASC, r.id ASC'],
    ['REFERENCE', 'r."reportId" ASC, r.position ASC, r.id ASC'],
  ];
  const variableSets = Array.from({ length: 200 }, (_, i) => {
    const statuses = STATUSES.filter((_, bit) => ((i % 15) + 1) & (1 << bit));
    const [field, sqlOrder] = ORDERS[i % ORDERS.length]!;
    return { statuses, field, sqlOrder, offset: 25 * (Math.floor(i / 15) % 8) };
  });
  let nextSet = 0;
  const rotating: BenchQuery = {
    name: `rotating: ${variableSets.length} variable sets`,
    request: () => {
      const set = variableSets[nextSet++ % variableSets.length]!;
      return {
        query: `query ($statuses: [RecommendationStatus!], $field: RecommendationOrderField!, $offset: Int) {
          recommendations(first: 25, offset: $offset, filter: { statuses: $statuses }, orderBy: { field: $field, direction: ${set.field === 'CREATED_AT' ? 'DESC' : 'ASC'} }) {
            totalCount edges { node { id reference status isOverdue targetDate owner { name } report { title } } } } }`,
        variables: { statuses: set.statuses, field: set.field, offset: set.offset },
      };
    },
    sqlComparable: true,
    sql: async (run) => {
      let at = 0;
      const once = (set = variableSets[at++ % variableSets.length]!) =>
        run(
          `SELECT r.id, r.reference, r.status, r."targetDate", o.name AS owner, report.title,
             (SELECT count(*) FROM "Recommendation" WHERE status = ANY($1::"RecommendationStatus"[]))::int AS total
           FROM "Recommendation" r JOIN "Organisation" o ON o.id = r."ownerId" JOIN "Report" report ON report.id = r."reportId"
           WHERE r.status = ANY($1::"RecommendationStatus"[]) ORDER BY ${set.sqlOrder} LIMIT 25 OFFSET $2`,
          [set.statuses, set.offset],
        );
      return { once: () => once(), answer: () => once(variableSets[0]), close: async () => {} };
    },
    check: (api, sql) => {
      const c = (api as { recommendations: { totalCount: number; edges: { node: { id: string } }[] } }).recommendations;
      const rows = sql as { id: number; total: number }[];
      return differs('rows', c.edges.map((e) => idOf(e.node.id)), rows.map((r) => r.id)) ?? differs('total', c.totalCount, rows[0]?.total);
    },
    first: () => (nextSet = 0),
  };

  return [list, drillDown, dashboard, unmet, rotating, update];
}

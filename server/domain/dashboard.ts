import { Prisma, type Organisation, type Report } from '../db/generated/prisma/client.ts';
import type { RecommendationStatus } from '../db/generated/prisma/enums.ts';
import { prisma } from '../db/client.ts';
import { rowFromJson } from '../db/json-rows.ts';
import { pathSegment } from './organisation-tree.ts';
import {
  actionItemOpenSql,
  actionItemOverdueSql,
  awaitingEvidenceSql,
  lateResponseSql,
  missingResponseSql,
  openPrioritySql,
  openSql,
  overdueSql,
  progressSql,
  type ReportedVsVerified,
  reportedVsVerifiedSql,
  untouchedSql,
} from './recommendation-rules.ts';

export type DashboardFilter = {
  /** Recommendations owned by this organisation or those under it; action items owned so. */
  organisationId?: number | null;
  themeId?: number | null;
  /** Open recommendations with no change for this many whole days are untouched (stale). */
  staleDays: number;
  /** How many rows each list holds. */
  listSize: number;
};

export type OwnerCounts = {
  owner: Organisation;
  total: number;
  overdue: number;
} & Record<RecommendationStatus, number>;

/** One owning organisation's overdue work: recommendations and action items it owns itself. */
export type OwnerOverdue = { owner: Organisation; overdueRecommendations: number; overdueActionItems: number };

export type ReportProgressRow = { report: Report; recommendationCount: number; implementedByOwners: number; assessedByInspectors: number; achievedByInspectors: number };

export type Dashboard = {
  staleDays: number;
  recommendationCount: number;
  openRecommendationCount: number;
  overdueRecommendationCount: number;
  byStatus: { status: RecommendationStatus; count: number }[];
  /** The first listSize owners by how many recommendations they own. */
  byOwner: OwnerCounts[];
  /** How many organisations own recommendations in scope: byOwner lists the first listSize of them. */
  ownerCount: number;
  overdueByOwner: OwnerOverdue[];
  /** How many organisations have overdue work: overdueByOwner lists the first listSize of them. */
  overdueOwnerCount: number;
  reportedVsVerified: { gap: ReportedVsVerified; count: number }[];
  repeatedUnmetCount: number;
  repeatedUnmetIds: number[];
  staleCount: number;
  staleIds: number[];
  missingResponseCount: number;
  lateResponseCount: number;
  openPriorityCount: number;
  actionItemCount: number;
  openActionItemCount: number;
  openActionItemIds: number[];
  overdueActionItemCount: number;
  overdueActionItemIds: number[];
  awaitingEvidenceCount: number;
  awaitingEvidenceIds: number[];
  progressByReport: ReportProgressRow[];
};

type Json<T> = { [K in keyof T]: T[K] extends Organisation | Report ? Record<string, unknown> : T[K] };

/**
 * Everything the dashboard counts, in one SQL statement over the chosen scope, with the
 * organisations and reports its figures name as whole rows. Every condition is a rule of
 * recommendation-rules.ts, the same the lists filter on. Lists come back as ids, most urgent
 * first; the API loads the rows asked for.
 */
export async function loadDashboard(filter: DashboardFilter): Promise<Dashboard> {
  const now = new Date();
  const organisation = filter.organisationId ? `%${pathSegment(filter.organisationId)}%` : null;
  const theme = filter.themeId ?? null;
  const size = filter.listSize;
  // Joined only when asked for: over every action item, a join that filters nothing costs as much as the counting.
  const withinScope = (ownerId: string, recommendationId: string) => Prisma.sql`
    ${organisation ? Prisma.sql`JOIN "Organisation" o ON o.id = ${Prisma.raw(ownerId)} AND o.path LIKE ${organisation}::text` : Prisma.empty}
    ${theme ? Prisma.sql`JOIN "_RecommendationToTheme" t ON t."A" = ${Prisma.raw(recommendationId)} AND t."B" = ${theme}::int` : Prisma.empty}`;
  // The action items in scope, read afresh where needed rather than materialised once (100,000 at
  // 20,000 recommendations; copying them cost more than all the counting): their figures in one
  // pass per owner, and each list of the first few through an index in its order, up to listSize.
  const actionItems = Prisma.sql`"ActionItem" a ${withinScope('a."ownerId"', 'a."recommendationId"')}`;
  // The ids of the first listSize rows a list reads (`rows`, its rows named `alias`), in `order` and then by id.
  const firstIds = (rows: Prisma.Sql, alias: string, order: string) => Prisma.sql`
    coalesce((SELECT json_agg(id) FROM (SELECT ${Prisma.raw(alias)}.id FROM ${rows}
      ORDER BY ${Prisma.raw(`${order}, ${alias}.id`)} LIMIT ${size}) first), '[]')`;
  // The first listSize owners of a per-owner count, in `order` and then by name, each its counts with its row:
  // every owner would make the answer grow with the organisations (1,300 at 200,000).
  const firstOwners = (counted: 'by_owner' | 'overdue_by_owner', order: string) => Prisma.sql`
    coalesce((SELECT json_agg(jsonb_build_object('owner', b.owner) || b.counts ORDER BY b.place) FROM (
      SELECT to_jsonb(org) AS owner, to_jsonb(c) AS counts, row_number() OVER (ORDER BY ${Prisma.raw(order)}, org.name) AS place
      FROM ${Prisma.raw(counted)} c JOIN "Organisation" org ON org.id = c."ownerId" ORDER BY place LIMIT ${size}) b), '[]')`;
  const [row] = await prisma.$queryRaw<{ dashboard: Omit<Dashboard, 'byOwner' | 'overdueByOwner' | 'progressByReport'> & {
    byOwner: Json<OwnerCounts>[]; overdueByOwner: Json<OwnerOverdue>[]; progressByReport: Json<ReportProgressRow>[];
  } }[]>`
    WITH scope AS (
      -- Only the columns counted: the scope is materialised, and the texts would be copied with it.
      SELECT r.id, r."ownerId", r."reportId", r.status, r."statusChangedAt", r."targetDate", r."latestVerdict", r."latestVerdictAt", r."withdrawnAt", r."isRepeatedUnmet", r."firstMadeOn", r."updatedAt",
             r."isPriority"
      FROM "Recommendation" r ${withinScope('r."ownerId"', 'r.id')}
    ),
    scoped AS (
      SELECT r.*, ${overdueSql(now)} AS overdue, ${openSql()} AS open, ${untouchedSql(filter.staleDays, now)} AS untouched,
             ${reportedVsVerifiedSql} AS gap, ${missingResponseSql(now)} AS "missingResponse", ${lateResponseSql()} AS "lateResponse",
             ${openPrioritySql()} AS "openPriority"
      FROM scope r
    ),
    -- The action items' figures per owner, in one pass: the totals are their sums.
    items_by_owner AS (
      SELECT a."ownerId", count(*) AS total, count(*) FILTER (WHERE ${actionItemOpenSql()}) AS open,
             count(*) FILTER (WHERE ${actionItemOverdueSql(now)}) AS overdue, count(*) FILTER (WHERE ${awaitingEvidenceSql()}) AS awaiting
      FROM ${actionItems} GROUP BY a."ownerId"
    ),
    recommendation_figures AS (
      SELECT count(*) AS total, count(*) FILTER (WHERE open) AS open, count(*) FILTER (WHERE overdue) AS overdue,
             count(*) FILTER (WHERE "isRepeatedUnmet") AS "repeatedUnmet", count(*) FILTER (WHERE untouched) AS untouched,
             count(*) FILTER (WHERE "missingResponse") AS "missingResponse", count(*) FILTER (WHERE "lateResponse") AS "lateResponse",
             count(*) FILTER (WHERE "openPriority") AS "openPriority"
      FROM scoped
    ),
    item_figures AS (
      SELECT coalesce(sum(total), 0) AS total, coalesce(sum(open), 0) AS open, coalesce(sum(overdue), 0) AS overdue,
             coalesce(sum(awaiting), 0) AS "awaitingEvidence"
      FROM items_by_owner
    ),
    by_owner AS (
      SELECT "ownerId", count(*) AS total, count(*) FILTER (WHERE overdue) AS overdue,
             count(*) FILTER (WHERE status = 'NOT_STARTED') AS "NOT_STARTED",
             count(*) FILTER (WHERE status = 'IN_PROGRESS') AS "IN_PROGRESS",
             count(*) FILTER (WHERE status = 'IMPLEMENTED') AS "IMPLEMENTED",
             count(*) FILTER (WHERE status = 'NOT_PLANNED') AS "NOT_PLANNED"
      FROM scoped GROUP BY "ownerId"
    ),
    overdue_by_owner AS (
      SELECT "ownerId", sum(recommendations)::int AS "overdueRecommendations", sum(actions)::int AS "overdueActionItems"
      FROM (SELECT "ownerId", count(*) AS recommendations, 0 AS actions FROM scoped WHERE overdue GROUP BY "ownerId"
            UNION ALL
            SELECT "ownerId", 0, overdue FROM items_by_owner WHERE overdue > 0) counted
      GROUP BY "ownerId"
    )
    SELECT json_build_object(
      'staleDays', ${filter.staleDays}::int,
      'recommendationCount', f.total, 'openRecommendationCount', f.open, 'overdueRecommendationCount', f.overdue,
      'repeatedUnmetCount', f."repeatedUnmet", 'staleCount', f.untouched,
      'missingResponseCount', f."missingResponse", 'lateResponseCount', f."lateResponse", 'openPriorityCount', f."openPriority",
      'actionItemCount', i.total, 'openActionItemCount', i.open, 'overdueActionItemCount', i.overdue,
      'awaitingEvidenceCount', i."awaitingEvidence",
      'byStatus', coalesce((SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY status)
                            FROM (SELECT status, count(*) AS n FROM scoped GROUP BY status) s), '[]'),
      'ownerCount', (SELECT count(*)::int FROM by_owner),
      'byOwner', ${firstOwners('by_owner', 'c.total DESC')},
      'overdueOwnerCount', (SELECT count(*)::int FROM overdue_by_owner),
      'overdueByOwner', ${firstOwners('overdue_by_owner', 'c."overdueRecommendations" + c."overdueActionItems" DESC')},
      'reportedVsVerified', coalesce((SELECT json_agg(json_build_object('gap', gap, 'count', n) ORDER BY gap)
                            FROM (SELECT gap, count(*) AS n FROM scoped GROUP BY gap) g), '[]'),
      'repeatedUnmetIds', ${firstIds(Prisma.sql`scoped r WHERE r."isRepeatedUnmet"`, 'r', 'r."firstMadeOn" ASC NULLS LAST')},
      'staleIds', ${firstIds(Prisma.sql`scoped r WHERE r.untouched`, 'r', 'r."updatedAt"')},
      'overdueActionItemIds', ${firstIds(Prisma.sql`${actionItems} WHERE ${actionItemOverdueSql(now)}`, 'a', 'a."dueDate"')},
      'openActionItemIds', ${firstIds(Prisma.sql`${actionItems} WHERE ${actionItemOpenSql()}`, 'a', 'a."dueDate" ASC NULLS LAST')},
      'awaitingEvidenceIds', ${firstIds(Prisma.sql`${actionItems} WHERE ${awaitingEvidenceSql()}`, 'a', 'a."dueDate" ASC NULLS LAST')},
      'progressByReport', coalesce((SELECT json_agg(jsonb_build_object('report', to_jsonb(report)) || to_jsonb(p)
                                                    ORDER BY report."publishedOn" DESC, report.id DESC) FROM (
          SELECT s."reportId", ${progressSql('s')}
          FROM scoped s JOIN "Report" report ON report.id = s."reportId"
          GROUP BY s."reportId" ORDER BY max(report."publishedOn") DESC, s."reportId" DESC LIMIT ${size}) p
          JOIN "Report" report ON report.id = p."reportId"), '[]')
    ) AS dashboard
    FROM recommendation_figures f, item_figures i`;
  const { dashboard } = row!;
  return {
    ...dashboard,
    byOwner: dashboard.byOwner.map((counts) => ({ ...counts, owner: rowFromJson<Organisation>('Organisation', counts.owner) })),
    overdueByOwner: dashboard.overdueByOwner.map((counts) => ({ ...counts, owner: rowFromJson<Organisation>('Organisation', counts.owner) })),
    progressByReport: dashboard.progressByReport.map((progress) => ({ ...progress, report: rowFromJson<Report>('Report', progress.report) })),
  };
}

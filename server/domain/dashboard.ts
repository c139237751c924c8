import type { RecommendationStatus } from '../db/generated/prisma/enums.ts';
import { prisma } from '../db/client.ts';
import { today } from './dates.ts';
import { pathSegment } from './organisation-tree.ts';
import { actionItemOverdueSql, openSql, overdueSql, progressSql, type ReportedVsVerified, reportedVsVerifiedSql } from './recommendation-rules.ts';

export type DashboardFilter = {
  /** Recommendations owned by this organisation or those under it; action items owned so. */
  organisationId?: number | null;
  themeId?: number | null;
  /** Open recommendations with no change on this many days before today, or since, are stale. */
  staleDays: number;
  /** How many rows each list holds. */
  listSize: number;
};

export type OwnerCounts = {
  ownerId: number;
  total: number;
  overdue: number;
} & Record<RecommendationStatus, number>;

export type Dashboard = {
  recommendationCount: number;
  overdueRecommendationCount: number;
  byStatus: { status: RecommendationStatus; count: number }[];
  byOwner: OwnerCounts[];
  reportedVsVerified: { gap: ReportedVsVerified; count: number }[];
  repeatedUnmetCount: number;
  repeatedUnmetIds: number[];
  staleCount: number;
  staleIds: number[];
  overdueActionItemCount: number;
  overdueActionItemIds: number[];
  progressByReport: { reportId: number; recommendationCount: number; implementedByOwners: number; assessedByInspectors: number; achievedByInspectors: number }[];
};

/**
 * Everything the dashboard counts, in one SQL statement over the chosen scope.
 * Lists come back as ids, most urgent first; the API loads the rows asked for.
 */
export async function loadDashboard(filter: DashboardFilter): Promise<Dashboard> {
  const day = today();
  // Whole days, like overdue: the dashboard is the same all day until something changes.
  const staleBefore = new Date(day.getTime() - filter.staleDays * 86_400_000);
  const organisation = filter.organisationId ? `%${pathSegment(filter.organisationId)}%` : null;
  const [row] = await prisma.$queryRaw<{ dashboard: Dashboard }[]>`
    WITH scope AS (
      -- Only the columns counted: the scope is materialised, and the texts would be copied with it.
      SELECT r.id, r."ownerId", r."reportId", r.status, r."targetDate", r."latestVerdict", r."isRepeatedUnmet", r."firstMadeOn", r."updatedAt"
      FROM "Recommendation" r JOIN "Organisation" o ON o.id = r."ownerId"
      WHERE (${organisation}::text IS NULL OR o.path LIKE ${organisation}::text)
        AND (${filter.themeId ?? null}::int IS NULL
             OR EXISTS (SELECT 1 FROM "_RecommendationToTheme" t WHERE t."A" = r.id AND t."B" = ${filter.themeId ?? null}::int))
    ),
    scoped AS (
      SELECT r.*, ${overdueSql()} AS overdue, ${openSql()} AS open, ${reportedVsVerifiedSql} AS gap FROM scope r
    ),
    items AS (
      SELECT a.id, a."dueDate" FROM "ActionItem" a
      JOIN "Recommendation" r ON r.id = a."recommendationId"
      JOIN "Organisation" o ON o.id = a."ownerId"
      WHERE ${actionItemOverdueSql()}
        AND (${organisation}::text IS NULL OR o.path LIKE ${organisation}::text)
        AND (${filter.themeId ?? null}::int IS NULL
             OR EXISTS (SELECT 1 FROM "_RecommendationToTheme" t WHERE t."A" = r.id AND t."B" = ${filter.themeId ?? null}::int))
    )
    SELECT json_build_object(
      'recommendationCount', (SELECT count(*) FROM scoped),
      'overdueRecommendationCount', (SELECT count(*) FROM scoped WHERE overdue),
      'byStatus', coalesce((SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY status)
                            FROM (SELECT status, count(*) AS n FROM scoped GROUP BY status) s), '[]'),
      'byOwner', coalesce((SELECT json_agg(o ORDER BY o.total DESC, o."ownerId") FROM (
          SELECT "ownerId", count(*) AS total, count(*) FILTER (WHERE overdue) AS overdue,
                 count(*) FILTER (WHERE status = 'NOT_STARTED') AS "NOT_STARTED",
                 count(*) FILTER (WHERE status = 'IN_PROGRESS') AS "IN_PROGRESS",
                 count(*) FILTER (WHERE status = 'IMPLEMENTED') AS "IMPLEMENTED",
                 count(*) FILTER (WHERE status = 'NOT_PLANNED') AS "NOT_PLANNED"
          FROM scoped GROUP BY "ownerId") o), '[]'),
      'reportedVsVerified', coalesce((SELECT json_agg(json_build_object('gap', gap, 'count', n) ORDER BY gap)
                            FROM (SELECT gap, count(*) AS n FROM scoped GROUP BY gap) g), '[]'),
      'repeatedUnmetCount', (SELECT count(*) FROM scoped WHERE "isRepeatedUnmet"),
      'repeatedUnmetIds', coalesce((SELECT json_agg(id) FROM (SELECT id FROM scoped WHERE "isRepeatedUnmet"
                            ORDER BY "firstMadeOn" ASC NULLS LAST, id LIMIT ${filter.listSize}) u), '[]'),
      'staleCount', (SELECT count(*) FROM scoped WHERE "updatedAt" < ${staleBefore} AND open),
      'staleIds', coalesce((SELECT json_agg(id) FROM (SELECT id FROM scoped
                            WHERE "updatedAt" < ${staleBefore} AND open
                            ORDER BY "updatedAt", id LIMIT ${filter.listSize}) s), '[]'),
      'overdueActionItemCount', (SELECT count(*) FROM items),
      'overdueActionItemIds', coalesce((SELECT json_agg(id) FROM (SELECT id FROM items ORDER BY "dueDate", id LIMIT ${filter.listSize}) i), '[]'),
      'progressByReport', coalesce((SELECT json_agg(p ORDER BY p."publishedOn" DESC, p."reportId" DESC) FROM (
          SELECT s."reportId", max(report."publishedOn") AS "publishedOn", ${progressSql('s')}
          FROM scoped s JOIN "Report" report ON report.id = s."reportId"
          GROUP BY s."reportId" ORDER BY max(report."publishedOn") DESC, s."reportId" DESC LIMIT ${filter.listSize}) p), '[]')
    ) AS dashboard`;
  return row!.dashboard;
}

import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { cachedRead } from '../../db/read-cache.ts';
import { formatDay, today } from '../../domain/dates.ts';
import { loadDashboard, type Dashboard as DashboardShape, type OwnerCounts } from '../../domain/dashboard.ts';
import { builder } from '../builder.ts';
import { ReportedVsVerified } from '../recommendations/type.ts';
import { ReportProgress, type ReportProgressShape } from '../reports/progress.ts';
import { globalIdOf } from '../shared/ids.ts';
import { RecommendationStatus } from '../types/enums.ts';

/** Rows of `ids` in that order, whatever order the database returns them in. */
function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The rows a dashboard names, as the query asks for them, in the dashboard's order. */
async function rowsOf<T extends { id: number }>(ids: number[], find: (where: { id: { in: number[] } }) => Promise<T[]>): Promise<T[]> {
  return ids.length ? inOrder(ids, await find({ id: { in: ids } })) : [];
}

const StatusCount = builder.objectRef<{ status: DashboardShape['byStatus'][number]['status']; count: number }>('StatusCount').implement({
  description: 'How many recommendations have a self-reported status.',
  fields: (t) => ({
    status: t.field({ type: RecommendationStatus, description: 'The status.', resolve: (row) => row.status }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const OwnerStatusCounts = builder.objectRef<OwnerCounts>('OwnerStatusCounts').implement({
  description: 'One owning organisation’s recommendations by self-reported status.',
  fields: (t) => ({
    owner: t.prismaField({
      type: 'Organisation',
      description: 'The owning organisation.',
      // Prisma batches these lookups, made in the same tick, into one query.
      resolve: (query, row) => prisma.organisation.findUniqueOrThrow({ ...query, where: { id: row.ownerId } }),
    }),
    total: t.exposeInt('total', { description: 'All its recommendations in scope.' }),
    notStarted: t.exposeInt('NOT_STARTED', { description: 'Not started.' }),
    inProgress: t.exposeInt('IN_PROGRESS', { description: 'In progress.' }),
    implemented: t.exposeInt('IMPLEMENTED', { description: 'Reported implemented.' }),
    notPlanned: t.exposeInt('NOT_PLANNED', { description: 'Not planned.' }),
    overdue: t.exposeInt('overdue', { description: 'Overdue.' }),
  }),
});

const GapCount = builder.objectRef<{ gap: DashboardShape['reportedVsVerified'][number]['gap']; count: number }>('ReportedVsVerifiedCount').implement({
  description: 'How many recommendations stand in one relation between owners’ reports and inspectors’ verdicts.',
  fields: (t) => ({
    gap: t.field({ type: ReportedVsVerified, description: 'The relation.', resolve: (row) => row.gap }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const ReportProgressEntry = builder
  .objectRef<{ reportId: number } & ReportProgressShape>('ReportProgressEntry')
  .implement({
    description: 'A report and how far its recommendations have got.',
    fields: (t) => ({
      report: t.prismaField({
        type: 'Report',
        description: 'The report.',
        // Prisma batches these lookups, made in the same tick, into one query.
        resolve: (query, row) => prisma.report.findUniqueOrThrow({ ...query, where: { id: row.reportId } }),
      }),
      progress: t.field({ type: ReportProgress, description: 'Its progress within the dashboard’s scope.', resolve: (row) => row }),
    }),
  });

const Dashboard = builder.objectRef<DashboardShape>('Dashboard').implement({
  description: 'What is open, overdue, stale, unverified and repeated-and-unmet, within a scope, in one read.',
  fields: (t) => ({
    recommendationCount: t.exposeInt('recommendationCount', { description: 'Recommendations in scope.' }),
    overdueRecommendationCount: t.exposeInt('overdueRecommendationCount', { description: 'Of those, overdue.' }),
    byStatus: t.field({ type: [StatusCount], description: 'Recommendations by self-reported status.', resolve: (d) => d.byStatus }),
    byOwner: t.field({ type: [OwnerStatusCounts], description: 'Recommendations by owning organisation and status, largest first.', resolve: (d) => d.byOwner }),
    reportedVsVerified: t.field({ type: [GapCount], description: 'What owners report against what inspectors found.', resolve: (d) => d.reportedVsVerified }),
    repeatedUnmetCount: t.exposeInt('repeatedUnmetCount', { description: 'Recommendations repeated from earlier reports and still unmet.' }),
    repeatedUnmet: t.prismaField({
      type: ['Recommendation'],
      description: 'The repeated and unmet, first made longest ago first.',
      resolve: (query, d) => rowsOf(d.repeatedUnmetIds, (where) => prisma.recommendation.findMany({ ...query, where })),
    }),
    staleCount: t.exposeInt('staleCount', { description: 'Open recommendations with no change for the stale period.' }),
    stale: t.prismaField({
      type: ['Recommendation'],
      description: 'The stale, longest untouched first.',
      resolve: (query, d) => rowsOf(d.staleIds, (where) => prisma.recommendation.findMany({ ...query, where })),
    }),
    overdueActionItemCount: t.exposeInt('overdueActionItemCount', { description: 'Action items past due, neither completed nor cancelled.' }),
    overdueActionItems: t.prismaField({
      type: ['ActionItem'],
      description: 'Overdue action items, longest overdue first.',
      resolve: (query, d) => rowsOf(d.overdueActionItemIds, (where) => prisma.actionItem.findMany({ ...query, where })),
    }),
    progressByReport: t.field({
      type: [ReportProgressEntry],
      description: 'Progress of the most recent reports: implemented as reported by owners against achieved as verified by inspectors.',
      resolve: (d) => d.progressByReport,
    }),
  }),
});

builder.queryFields((t) => ({
  dashboard: t.field({
    type: Dashboard,
    description: 'The state of recommendations and action plans, for everything or one organisation’s subtree and one theme.',
    args: {
      organisationId: t.arg.id({ description: 'This organisation and those under it.' }).validate(globalIdOf('Organisation').nullish()),
      themeId: t.arg.id({ description: 'Recommendations concerning this theme.' }).validate(globalIdOf('Theme').nullish()),
      staleDays: t.arg.int({ defaultValue: 90, description: 'Days without change after which an open recommendation is stale.' }).validate(
        z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').nullish(),
      ),
      listSize: t.arg.int({ defaultValue: 10, description: 'How many rows each list holds, at most 100.' }).validate(
        z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100').nullish(),
      ),
    },
    resolve: (_root, args) => {
      const filter = { organisationId: args.organisationId, themeId: args.themeId, staleDays: args.staleDays ?? 90, listSize: args.listSize ?? 10 };
      // Counted over every recommendation in scope: kept until the records change or the day does.
      return cachedRead(`dashboard ${formatDay(today())} ${JSON.stringify(filter)}`, () => loadDashboard(filter));
    },
  }),
}));

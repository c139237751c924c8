import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { cachedRead } from '../../db/read-cache.ts';
import { formatDay, today } from '../../domain/dates.ts';
import { loadDashboard, type Dashboard as DashboardShape, type OwnerCounts, type OwnerOverdue, type ReportProgressRow } from '../../domain/dashboard.ts';
import { builder } from '../builder.ts';
import { ReportedVsVerified } from '../recommendations/type.ts';
import { ReportProgress } from '../reports/progress.ts';
import { globalIdOf } from '../shared/ids.ts';
import { RecommendationStatus } from '../types/enums.ts';

type Query = { select?: Record<string, unknown>; include?: Record<string, unknown> };

/**
 * A row the dashboard's statement carried whole, as the query asks for it: as it is when the
 * query asks only for its own columns, loaded with the query when it asks for more (relations,
 * counts). Prisma batches the loads made in the same tick with the same selection into one.
 */
function asQueried<T extends { id: number }>(row: T, query: Query, load: (query: Query & { where: { id: number } }) => Promise<T>): T | Promise<T> {
  const asked = query.select ?? query.include ?? {};
  const onlyColumns = query.include === undefined && Object.values(asked).every((value) => value === true);
  return onlyColumns ? row : load({ ...query, where: { id: row.id } });
}

/**
 * The rows a dashboard names, in the dashboard's order, as the query asks for them. Each is a
 * findUnique made in the same tick: Prisma batches those with the same selection into one
 * statement, so two lists of one kind asked alike (open and overdue action items) cost one.
 */
async function rowsOf<T>(ids: number[], query: Query, find: (args: Query & { where: { id: number } }) => Promise<T | null>): Promise<T[]> {
  // Taken apart before anything else, so the prepared query counts as used when the list is empty too.
  const asked = { ...query };
  const rows = await Promise.all(ids.map((id) => find({ ...asked, where: { id } })));
  // A row removed since the figures were counted is left out, not an error.
  return rows.filter((row): row is Awaited<T> & {} => row !== null);
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
      resolve: (query, row) => asQueried(row.owner, query, (args) => prisma.organisation.findUniqueOrThrow(args)),
    }),
    total: t.exposeInt('total', { description: 'All its recommendations in scope.' }),
    notStarted: t.exposeInt('NOT_STARTED', { description: 'Not started.' }),
    inProgress: t.exposeInt('IN_PROGRESS', { description: 'In progress.' }),
    implemented: t.exposeInt('IMPLEMENTED', { description: 'Reported implemented.' }),
    notPlanned: t.exposeInt('NOT_PLANNED', { description: 'Not planned.' }),
    overdue: t.exposeInt('overdue', { description: 'Overdue.' }),
  }),
});

const OwnerOverdueCounts = builder.objectRef<OwnerOverdue>('OwnerOverdueCounts').implement({
  description: 'One organisation’s overdue work: the recommendations and action items it owns itself (not those under it).',
  fields: (t) => ({
    owner: t.prismaField({
      type: 'Organisation',
      description: 'The owning organisation.',
      resolve: (query, row) => asQueried(row.owner, query, (args) => prisma.organisation.findUniqueOrThrow(args)),
    }),
    overdueRecommendations: t.exposeInt('overdueRecommendations', { description: 'Its overdue recommendations.' }),
    overdueActionItems: t.exposeInt('overdueActionItems', { description: 'Its overdue action items.' }),
    overdue: t.int({ description: 'Both together: what the ranking is by.', resolve: (row) => row.overdueRecommendations + row.overdueActionItems }),
  }),
});

const GapCount = builder.objectRef<{ gap: DashboardShape['reportedVsVerified'][number]['gap']; count: number }>('ReportedVsVerifiedCount').implement({
  description: 'How many recommendations stand in one relation between owners’ reports and inspectors’ verdicts.',
  fields: (t) => ({
    gap: t.field({ type: ReportedVsVerified, description: 'The relation.', resolve: (row) => row.gap }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const ReportProgressEntry = builder.objectRef<ReportProgressRow>('ReportProgressEntry').implement({
  description: 'A report and how far its recommendations have got.',
  fields: (t) => ({
    report: t.prismaField({
      type: 'Report',
      description: 'The report.',
      resolve: (query, row) => asQueried(row.report, query, (args) => prisma.report.findUniqueOrThrow(args)),
    }),
    progress: t.field({ type: ReportProgress, description: 'Its progress within the dashboard’s scope.', resolve: (row) => row }),
  }),
});

const Dashboard = builder.objectRef<DashboardShape>('Dashboard').implement({
  description:
    'What is open, overdue, untouched, unverified and repeated-and-unmet, within a scope, in one read. Each figure counts exactly what the list with the filter named in its description shows.',
  fields: (t) => ({
    recommendationCount: t.exposeInt('recommendationCount', { description: 'Recommendations in scope.' }),
    openRecommendationCount: t.exposeInt('openRecommendationCount', {
      description: 'Of those, open: neither reported implemented nor not planned (the list: `open: true`).',
    }),
    overdueRecommendationCount: t.exposeInt('overdueRecommendationCount', { description: 'Of those, overdue (the list: `overdue: true`).' }),
    byStatus: t.field({ type: [StatusCount], description: 'Recommendations by self-reported status.', resolve: (d) => d.byStatus }),
    byOwner: t.field({
      type: [OwnerStatusCounts],
      description: 'Recommendations by owning organisation and status: the listSize largest owners, largest first.',
      resolve: (d) => d.byOwner,
    }),
    ownerCount: t.exposeInt('ownerCount', {
      description: 'How many organisations own recommendations in scope: byOwner lists the first listSize of them.',
    }),
    overdueByOwner: t.field({
      type: [OwnerOverdueCounts],
      description: 'The organisations with the most overdue work (recommendations and action items they own themselves), most first, at most listSize.',
      resolve: (d) => d.overdueByOwner,
    }),
    overdueOwnerCount: t.exposeInt('overdueOwnerCount', {
      description: 'How many organisations have overdue work of their own: overdueByOwner lists the first listSize of them.',
    }),
    reportedVsVerified: t.field({ type: [GapCount], description: 'What owners report against what inspectors found.', resolve: (d) => d.reportedVsVerified }),
    repeatedUnmetCount: t.exposeInt('repeatedUnmetCount', {
      description: 'Recommendations repeated from earlier reports and still unmet (the list: `repeatedUnmet: true`).',
    }),
    repeatedUnmet: t.prismaField({
      type: ['Recommendation'],
      description: 'The repeated and unmet, first made longest ago first.',
      resolve: (query, d) => rowsOf(d.repeatedUnmetIds, query, (args) => prisma.recommendation.findUnique(args)),
    }),
    staleDays: t.exposeInt('staleDays', { description: 'Days without change after which an open recommendation counts as untouched.' }),
    staleCount: t.exposeInt('staleCount', {
      description: 'Open recommendations untouched for staleDays whole days (the list: `untouchedForDays: staleDays`).',
    }),
    stale: t.prismaField({
      type: ['Recommendation'],
      description: 'The untouched, longest untouched first.',
      resolve: (query, d) => rowsOf(d.staleIds, query, (args) => prisma.recommendation.findUnique(args)),
    }),
    missingResponseCount: t.exposeInt('missingResponseCount', {
      description: 'Recommendations with an addressee’s response missing: none given and the report’s due date passed (the list: `responseTimeliness: [MISSING]`).',
    }),
    lateResponseCount: t.exposeInt('lateResponseCount', {
      description: 'Recommendations with an addressee that responded after the report’s due date (the list: `responseTimeliness: [LATE]`).',
    }),
    openPriorityCount: t.exposeInt('openPriorityCount', {
      description: 'Open recommendations inspectors marked as a priority (the list: `priority: true, open: true`).',
    }),
    actionItemCount: t.exposeInt('actionItemCount', { description: 'Action items owned in scope, for recommendations in scope of the theme.' }),
    openActionItemCount: t.exposeInt('openActionItemCount', {
      description: 'Of those, still to do: neither completed nor cancelled (the list: `open: true`).',
    }),
    openActionItems: t.prismaField({
      type: ['ActionItem'],
      description: 'Action items still to do, soonest due first (overdue first), those with no due date last.',
      resolve: (query, d) => rowsOf(d.openActionItemIds, query, (args) => prisma.actionItem.findUnique(args)),
    }),
    overdueActionItemCount: t.exposeInt('overdueActionItemCount', {
      description: 'Action items past due, neither completed nor cancelled (the list: `overdue: true`).',
    }),
    overdueActionItems: t.prismaField({
      type: ['ActionItem'],
      description: 'Overdue action items, longest overdue first.',
      resolve: (query, d) => rowsOf(d.overdueActionItemIds, query, (args) => prisma.actionItem.findUnique(args)),
    }),
    awaitingEvidenceCount: t.exposeInt('awaitingEvidenceCount', {
      description: 'Action items marked completed with no evidence submitted yet: evidence to submit (the list: `awaitingEvidence: true`).',
    }),
    awaitingEvidence: t.prismaField({
      type: ['ActionItem'],
      description: 'Action items with evidence to submit, soonest due first.',
      resolve: (query, d) => rowsOf(d.awaitingEvidenceIds, query, (args) => prisma.actionItem.findUnique(args)),
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
      staleDays: t.arg.int({ defaultValue: 90, description: 'Days without change after which an open recommendation is untouched.' }).validate(
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

import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { withinOrganisation } from '../../domain/organisation-tree.ts';
import { openWhere, overdueWhere, reportedVsVerifiedWhere, responseTimelinessRecommendationWhere, untouchedWhere } from '../../domain/recommendation-rules.ts';
import { notFound } from '../../errors.ts';
import { rankRepeatCandidates, type RankedCandidate } from '../../domain/repeat-ranking.ts';
import { builder } from '../builder.ts';
import { globalIdOf, globalIdsOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, SortDirection } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { AssessmentVerdict, RecommendationResponse, RecommendationStatus } from '../types/enums.ts';
import { containsText, equalsText, searchText } from '../shared/search.ts';
import { ReportedVsVerified, ResponseTimeliness } from './type.ts';

export const RecommendationFilter = builder.inputType('RecommendationFilter', {
  description: 'Narrows a list of recommendations. Conditions combine with AND; lists within one condition mean any of them.',
  fields: (t) => ({
    statuses: t.field({ type: [RecommendationStatus], description: 'Any of these self-reported statuses.' }),
    ownerId: t.id({ description: 'Owned by this organisation (and those under it, unless includeDescendants is false).' }).validate(globalIdOf('Organisation').nullish()),
    includeDescendants: t.boolean({ defaultValue: true, description: 'Whether ownerId takes in the organisations under it.' }),
    reportId: t.id({ description: 'Made in this report.' }).validate(globalIdOf('Report').nullish()),
    themeIds: t.idList({ description: 'Concerning any of these themes.' }).validate(globalIdsOf('Theme').nullish()),
    responses: t.field({ type: [RecommendationResponse], description: 'Some addressee has responded with any of these.' }),
    gaps: t.field({ type: [ReportedVsVerified], description: 'What the owner reports against what inspectors found is any of these (the dashboard’s counts of each).' }),
    responseTimeliness: t.field({ type: [ResponseTimeliness], description: 'Some addressee’s response is any of these against the report’s due date (MISSING: what the dashboard counts as missing responses).' }),
    priority: t.boolean({ description: 'Whether inspectors have marked it as a priority.' }),
    latestVerdicts: t.field({ type: [AssessmentVerdict], description: 'The latest inspector’s verdict is any of these.' }),
    assessed: t.boolean({ description: 'Whether inspectors have assessed it at all.' }),
    open: t.boolean({ description: 'Neither reported implemented nor not planned (or, if false, one of those).' }),
    overdue: t.boolean({ description: 'Past its target date and neither reported implemented nor closed by an inspector (or, if false, not).' }),
    untouchedForDays: t.int({ description: 'Open, and neither it nor its plan has changed for this many whole days (what the dashboard counts as untouched).' }).validate(
      z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').nullish(),
    ),
    repeatedUnmet: t.boolean({ description: 'Repeats an earlier recommendation that was not achieved, and is not achieved itself (or, if false, not).' }),
    repeats: t.boolean({ description: 'Whether it repeats an earlier recommendation.' }),
    unevidenced: t.boolean({ description: 'Whether no evidence at all has been submitted for its action plan.' }),
    targetDateFrom: t.field({ type: 'Date', description: 'Target date on or after this date.' }),
    targetDateTo: t.field({ type: 'Date', description: 'Target date on or before this date.' }),
    updatedSince: t.field({ type: 'DateTime', description: 'It or its plan changed at or after this time.' }),
    notUpdatedSince: t.field({ type: 'DateTime', description: 'Neither it nor its plan has changed since this time (stale).' }),
    search: t.string({ description: 'The reference, or text in the recommendation or in its action items’ descriptions, leads and owners (matched literally, ignoring case).' }).validate(searchText),
  }),
});

export type RecommendationFilterInput = typeof RecommendationFilter.$inferInput;

export function recommendationWhere(filter: RecommendationFilterInput | null | undefined): Prisma.RecommendationWhereInput {
  const where: Prisma.RecommendationWhereInput[] = [];
  if (!filter) return {};
  if (filter.statuses?.length) where.push({ status: { in: filter.statuses } });
  if (filter.ownerId) where.push({ owner: withinOrganisation(filter.ownerId, filter.includeDescendants ?? true) });
  if (filter.reportId) where.push({ reportId: filter.reportId });
  if (filter.themeIds?.length) where.push({ themes: { some: { id: { in: filter.themeIds } } } });
  if (filter.responses?.length) where.push({ addressees: { some: { response: { in: filter.responses } } } });
  if (filter.gaps?.length) where.push({ OR: filter.gaps.map(reportedVsVerifiedWhere) });
  if (filter.responseTimeliness?.length) where.push(responseTimelinessRecommendationWhere(filter.responseTimeliness));
  if (typeof filter.priority === 'boolean') where.push({ isPriority: filter.priority });
  if (filter.latestVerdicts?.length) where.push({ latestVerdict: { in: filter.latestVerdicts } });
  if (typeof filter.assessed === 'boolean') where.push({ latestVerdict: filter.assessed ? { not: null } : null });
  if (typeof filter.open === 'boolean') where.push(filter.open ? openWhere() : { NOT: openWhere() });
  if (typeof filter.overdue === 'boolean') where.push(filter.overdue ? overdueWhere() : { NOT: overdueWhere() });
  if (filter.untouchedForDays) where.push(untouchedWhere(filter.untouchedForDays));
  if (typeof filter.repeatedUnmet === 'boolean') where.push({ isRepeatedUnmet: filter.repeatedUnmet });
  if (typeof filter.repeats === 'boolean') where.push({ repeatsId: filter.repeats ? { not: null } : null });
  if (typeof filter.unevidenced === 'boolean') {
    const evidenced: Prisma.RecommendationWhereInput = { actionItems: { some: { evidence: { some: {} } } } };
    where.push(filter.unevidenced ? { NOT: evidenced } : evidenced);
  }
  if (filter.targetDateFrom) where.push({ targetDate: { gte: filter.targetDateFrom } });
  if (filter.targetDateTo) where.push({ targetDate: { lte: filter.targetDateTo } });
  if (filter.updatedSince) where.push({ updatedAt: { gte: filter.updatedSince } });
  if (filter.notUpdatedSince) where.push({ updatedAt: { lt: filter.notUpdatedSince } });
  if (filter.search) {
    // A recommendation is found by the words of its plan too (an action, its lead, its owner:
    // "Cardiff"), kept in planText by the database (migration recommendation_plan_text), so each
    // branch is one trigram index.
    const inText = containsText(filter.search);
    where.push({ OR: [{ reference: equalsText(filter.search) }, { text: inText }, { planText: inText }] });
  }
  return { AND: where };
}

const RecommendationOrderField = builder.enumType('RecommendationOrderField', {
  description: 'What a recommendation list can be sorted by.',
  values: {
    CREATED_AT: { description: 'When it was loaded (the default, newest first).' },
    UPDATED_AT: { description: 'When it or its plan last changed.' },
    REFERENCE: { description: 'Report, then the order printed.' },
    REPORT_PUBLISHED_ON: { description: 'Publication date of its report, then the order printed.' },
    STATUS: { description: 'Self-reported status.' },
    OWNER: { description: 'Name of the owning organisation.' },
    TARGET_DATE: { description: 'Target date; none last.' },
    FIRST_MADE_ON: { description: 'When it was first made, across repeats.' },
    REPEAT_COUNT: { description: 'How many times it was made before.' },
    LATEST_VERDICT: { description: 'The latest inspector’s verdict.' },
    PRIORITY: { description: 'Priorities last ascending, first descending; then newest first.' },
  },
});

const RecommendationOrder = builder.inputType('RecommendationOrder', {
  description: 'Sort order for recommendations.',
  fields: (t) => ({
    field: t.field({ type: RecommendationOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

function recommendationOrder(order: typeof RecommendationOrder.$inferInput | null | undefined): Prisma.RecommendationOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const nullsLast = { sort: direction, nulls: 'last' } as const;
  switch (order?.field) {
    case 'UPDATED_AT':
      return [{ updatedAt: direction }, { id: direction }];
    case 'REFERENCE':
      return [{ reportId: direction }, { position: direction }, { id: direction }];
    case 'REPORT_PUBLISHED_ON':
      return [{ report: { publishedOn: direction } }, { reportId: direction }, { position: 'asc' }, { id: 'asc' }];
    case 'STATUS':
      return [{ status: direction }, { id: direction }];
    case 'OWNER':
      return [{ owner: { name: direction } }, { id: direction }];
    case 'TARGET_DATE':
      return [{ targetDate: nullsLast }, { id: direction }];
    case 'FIRST_MADE_ON':
      return [{ firstMadeOn: nullsLast }, { id: direction }];
    case 'REPEAT_COUNT':
      return [{ repeatDepth: direction }, { id: direction }];
    case 'LATEST_VERDICT':
      return [{ latestVerdict: nullsLast }, { id: direction }];
    case 'PRIORITY':
      return [{ isPriority: direction }, { createdAt: 'desc' }, { id: 'desc' }];
    case 'CREATED_AT':
      return [{ createdAt: direction }, { id: direction }];
    default:
      return [{ createdAt: 'desc' }, { id: 'desc' }];
  }
}

const RepeatCandidate = builder.objectRef<RankedCandidate>('RepeatCandidate').implement({
  description: 'An earlier recommendation whose text is like this one’s: a possible repeat for an inspector to confirm.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description: 'How likely it is the one repeated, from 0 to 1: citations first, then IDF-weighted text likeness, addressees and themes (domain/repeat-ranking.ts).',
    }),
    reasons: t.exposeStringList('reasons', { description: 'Why it is proposed, in words for the inspector (cited, similar text, same addressee…).' }),
    recommendation: t.prismaField({
      type: 'Recommendation',
      description: 'The earlier recommendation.',
      // Prisma batches these lookups, made in the same tick, into one query.
      resolve: (query, candidate) => prisma.recommendation.findUniqueOrThrow({ ...query, where: { id: candidate.recommendationId } }),
    }),
  }),
});

builder.queryFields((t) => ({
  recommendations: t.prismaConnection({
    type: 'Recommendation',
    description: 'Recommendations, newest first unless sorted otherwise.',
    args: {
      filter: t.arg({ type: RecommendationFilter, description: 'Which recommendations.' }),
      orderBy: t.arg({ type: RecommendationOrder, description: 'Sort order.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('recommendation', {
      where: (args: { filter?: RecommendationFilterInput | null }) => recommendationWhere(args.filter),
      orderBy: (args: { orderBy?: typeof RecommendationOrder.$inferInput | null }) => recommendationOrder(args.orderBy),
      countedByValuesOf: 'status',
    }),
  }),
  recommendation: t.prismaField({
    type: 'Recommendation',
    description: 'One recommendation.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Recommendation')) },
    resolve: async (query, _parent, args) =>
      (await prisma.recommendation.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The recommendation')),
  }),
  repeatCandidates: t.field({
    type: [RepeatCandidate],
    description: 'Recommendations of earlier reports this one probably repeats, best first, one per chain of repeats (its latest member), leaving out those an inspector rejected.',
    args: {
      recommendationId: t.arg.id({ required: true, description: 'The later recommendation.' }).validate(globalIdOf('Recommendation')),
      first: t.arg.int({ defaultValue: 10, description: 'How many candidates, at most 50.' }).validate(
        z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').nullish(),
      ),
      minimumScore: t.arg.float({ defaultValue: 0.1, description: 'Leave out candidates scored below this (0 to 1).' }).validate(
        z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').nullish(),
      ),
    },
    resolve: async (_parent, args) => {
      const rec = await prisma.recommendation.findUnique({
        where: { id: args.recommendationId },
        select: {
          id: true,
          text: true,
          reference: true,
          reportId: true,
          report: { select: { publishedOn: true } },
          addressees: { select: { organisationId: true } },
          themes: { select: { id: true } },
        },
      });
      if (!rec) throw notFound('The recommendation');
      return rankRepeatCandidates(
        prisma,
        {
          text: rec.text,
          reference: rec.reference,
          publishedOn: rec.report.publishedOn,
          addresseeIds: rec.addressees.map((a) => a.organisationId),
          themeIds: rec.themes.map((theme) => theme.id),
          excludeRecommendationId: rec.id,
          excludeReportId: rec.reportId,
        },
        { first: args.first ?? 10, minimumScore: args.minimumScore ?? 0.1 },
      );
    },
  }),
}));

import { prisma } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, SortDirection } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { ReportKind } from '../types/enums.ts';
import { containsText, searchText } from '../shared/search.ts';
import { responseTimelinessRecommendationWhere } from '../../domain/recommendation-rules.ts';
import { ResponseTimeliness } from '../recommendations/type.ts';

const ReportFilter = builder.inputType('ReportFilter', {
  description: 'Narrows a list of reports. Conditions combine with AND.',
  fields: (t) => ({
    kinds: t.field({ type: [ReportKind], description: 'Any of these kinds.' }),
    inspectorateId: t.id({ description: 'Published by this inspectorate.' }).validate(globalIdOf('Organisation').nullish()),
    publishedFrom: t.field({ type: 'Date', description: 'Published on or after this date.' }),
    publishedTo: t.field({ type: 'Date', description: 'Published on or before this date.' }),
    search: t.string({ description: 'Text in the title or summary (matched literally, ignoring case).' }).validate(searchText),
    responseTimeliness: t.field({ type: [ResponseTimeliness], description: 'An addressee’s response to one of its recommendations is any of these against its due date.' }),
  }),
});

const ReportOrderField = builder.enumType('ReportOrderField', {
  description: 'What a report list can be sorted by.',
  values: {
    PUBLISHED_ON: { description: 'Publication date.' },
    TITLE: { description: 'Title.' },
    KIND: { description: 'Kind, then publication date.' },
    CREATED_AT: { description: 'When it was loaded.' },
  },
});

const ReportOrder = builder.inputType('ReportOrder', {
  description: 'Sort order for reports.',
  fields: (t) => ({
    field: t.field({ type: ReportOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'DESC', description: 'Which way.' }),
  }),
});

function reportWhere(filter: typeof ReportFilter.$inferInput | null | undefined): Prisma.ReportWhereInput {
  const where: Prisma.ReportWhereInput[] = [];
  if (filter?.kinds?.length) where.push({ kind: { in: filter.kinds } });
  if (filter?.inspectorateId) where.push({ inspectorateId: filter.inspectorateId });
  if (filter?.publishedFrom) where.push({ publishedOn: { gte: filter.publishedFrom } });
  if (filter?.publishedTo) where.push({ publishedOn: { lte: filter.publishedTo } });
  if (filter?.responseTimeliness?.length) where.push({ recommendations: { some: responseTimelinessRecommendationWhere(filter.responseTimeliness) } });
  if (filter?.search) {
    where.push({ OR: [{ title: containsText(filter.search) }, { summary: containsText(filter.search) }] });
  }
  return { AND: where };
}

function reportOrder(order: typeof ReportOrder.$inferInput | null | undefined): Prisma.ReportOrderByWithRelationInput[] {
  const direction = order?.direction === 'ASC' ? 'asc' : 'desc';
  switch (order?.field) {
    case 'TITLE':
      return [{ title: direction }, { id: direction }];
    case 'KIND':
      return [{ kind: direction }, { publishedOn: 'desc' }, { id: 'desc' }];
    case 'CREATED_AT':
      return [{ createdAt: direction }, { id: direction }];
    default:
      return [{ publishedOn: direction }, { id: direction }];
  }
}

builder.queryFields((t) => ({
  reports: t.prismaConnection({
    type: 'Report',
    description: 'Published reports, newest first unless sorted otherwise.',
    args: {
      filter: t.arg({ type: ReportFilter, description: 'Which reports.' }),
      orderBy: t.arg({ type: ReportOrder, description: 'Sort order.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('report', {
      where: (args: { filter?: Parameters<typeof reportWhere>[0] }) => reportWhere(args.filter),
      orderBy: (args: { orderBy?: Parameters<typeof reportOrder>[0] }) => reportOrder(args.orderBy),
    }),
  }),
  report: t.prismaField({
    type: 'Report',
    description: 'One report.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Report')) },
    resolve: async (query, _parent, args) =>
      (await prisma.report.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The report')),
  }),
}));

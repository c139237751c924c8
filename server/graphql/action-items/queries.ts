import { prisma } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { withinOrganisation } from '../../domain/organisation-tree.ts';
import { actionItemOpenWhere, actionItemOverdueWhere, awaitingEvidenceWhere } from '../../domain/recommendation-rules.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, SortDirection } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { ActionItemStatus } from '../types/enums.ts';
import { containsText, searchText } from '../shared/search.ts';

const ActionItemFilter = builder.inputType('ActionItemFilter', {
  description: 'Narrows a list of action items. Conditions combine with AND.',
  fields: (t) => ({
    statuses: t.field({ type: [ActionItemStatus], description: 'Any of these statuses.' }),
    ownerId: t.id({ description: 'Owned by this organisation (and those under it, unless includeDescendants is false).' }).validate(globalIdOf('Organisation').nullish()),
    includeDescendants: t.boolean({ defaultValue: true, description: 'Whether ownerId takes in the organisations under it.' }),
    recommendationId: t.id({ description: 'In this recommendation’s plan.' }).validate(globalIdOf('Recommendation').nullish()),
    reportId: t.id({ description: 'For recommendations of this report.' }).validate(globalIdOf('Report').nullish()),
    open: t.boolean({ description: 'Still to do: neither completed nor cancelled (or, if false, one of those).' }),
    overdue: t.boolean({ description: 'Past due and neither completed nor cancelled (or, if false, not).' }),
    awaitingEvidence: t.boolean({ description: 'Marked completed with no evidence submitted yet: evidence to submit (or, if false, not).' }),
    dueFrom: t.field({ type: 'Date', description: 'Due on or after this date.' }),
    dueTo: t.field({ type: 'Date', description: 'Due on or before this date.' }),
    updatedSince: t.field({ type: 'DateTime', description: 'Changed at or after this time.' }),
    hasEvidence: t.boolean({ description: 'Whether any evidence has been submitted for it.' }),
    search: t.string({ description: 'Text in the description or lead person (matched literally, ignoring case).' }).validate(searchText),
  }),
});

function actionItemWhere(filter: typeof ActionItemFilter.$inferInput | null | undefined): Prisma.ActionItemWhereInput {
  if (!filter) return {};
  const where: Prisma.ActionItemWhereInput[] = [];
  if (filter.statuses?.length) where.push({ status: { in: filter.statuses } });
  if (filter.ownerId) where.push({ owner: withinOrganisation(filter.ownerId, filter.includeDescendants ?? true) });
  if (filter.recommendationId) where.push({ recommendationId: filter.recommendationId });
  if (filter.reportId) where.push({ recommendation: { reportId: filter.reportId } });
  if (typeof filter.open === 'boolean') where.push(filter.open ? actionItemOpenWhere() : { NOT: actionItemOpenWhere() });
  if (typeof filter.overdue === 'boolean') where.push(filter.overdue ? actionItemOverdueWhere() : { NOT: actionItemOverdueWhere() });
  if (typeof filter.awaitingEvidence === 'boolean') where.push(filter.awaitingEvidence ? awaitingEvidenceWhere() : { NOT: awaitingEvidenceWhere() });
  if (filter.dueFrom) where.push({ dueDate: { gte: filter.dueFrom } });
  if (filter.dueTo) where.push({ dueDate: { lte: filter.dueTo } });
  if (filter.updatedSince) where.push({ updatedAt: { gte: filter.updatedSince } });
  if (typeof filter.hasEvidence === 'boolean') where.push({ evidence: filter.hasEvidence ? { some: {} } : { none: {} } });
  if (filter.search) {
    where.push({ OR: [{ description: containsText(filter.search) }, { leadPerson: containsText(filter.search) }] });
  }
  return { AND: where };
}

const ActionItemOrderField = builder.enumType('ActionItemOrderField', {
  description: 'What an action item list can be sorted by.',
  values: {
    DUE_DATE: { description: 'Due date; none last (the default).' },
    STATUS: { description: 'Status.' },
    OWNER: { description: 'Name of the owning organisation.' },
    UPDATED_AT: { description: 'When it last changed.' },
    CREATED_AT: { description: 'When it was added.' },
    DESCRIPTION: { description: 'Description.' },
  },
});

const ActionItemOrder = builder.inputType('ActionItemOrder', {
  description: 'Sort order for action items.',
  fields: (t) => ({
    field: t.field({ type: ActionItemOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

function actionItemOrder(order: typeof ActionItemOrder.$inferInput | null | undefined): Prisma.ActionItemOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  switch (order?.field) {
    case 'STATUS':
      return [{ status: direction }, { id: direction }];
    case 'OWNER':
      return [{ owner: { name: direction } }, { id: direction }];
    case 'UPDATED_AT':
      return [{ updatedAt: direction }, { id: direction }];
    case 'CREATED_AT':
      return [{ createdAt: direction }, { id: direction }];
    case 'DESCRIPTION':
      return [{ description: direction }, { id: direction }];
    default:
      return [{ dueDate: { sort: direction, nulls: 'last' } }, { id: direction }];
  }
}

builder.queryFields((t) => ({
  actionItems: t.prismaConnection({
    type: 'ActionItem',
    description: 'Action items across all plans, soonest due first unless sorted otherwise.',
    args: {
      filter: t.arg({ type: ActionItemFilter, description: 'Which action items.' }),
      orderBy: t.arg({ type: ActionItemOrder, description: 'Sort order.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('actionItem', {
      where: (args: { filter?: Parameters<typeof actionItemWhere>[0] }) => actionItemWhere(args.filter),
      orderBy: (args: { orderBy?: Parameters<typeof actionItemOrder>[0] }) => actionItemOrder(args.orderBy),
      countedByValuesOf: 'status',
    }),
  }),
  actionItem: t.prismaField({
    type: 'ActionItem',
    description: 'One action item.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('ActionItem')) },
    resolve: async (query, _parent, args) =>
      (await prisma.actionItem.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The action item')),
  }),
}));

import { prisma } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { awaitingVerificationWhere } from '../../domain/evidence.ts';
import { withinOrganisation } from '../../domain/organisation-tree.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, SortDirection } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { EvidenceStrength, EvidenceVerification } from '../types/enums.ts';
import { containsText, searchText } from '../shared/search.ts';

const EvidenceFilter = builder.inputType('EvidenceFilter', {
  description: 'Narrows a list of evidence. Conditions combine with AND.',
  fields: (t) => ({
    verifications: t.field({ type: [EvidenceVerification], description: 'Any of these verification states.' }),
    awaitingVerification: t.boolean({
      description: 'Not yet verified, for a recommendation that stands: what inspectors can still verify, their queue (or, if false, everything else).',
    }),
    strengths: t.field({ type: [EvidenceStrength], description: 'Any of these strengths.' }),
    actionItemId: t.id({ description: 'For this action item.' }).validate(globalIdOf('ActionItem').nullish()),
    recommendationId: t.id({ description: 'For this recommendation’s plan.' }).validate(globalIdOf('Recommendation').nullish()),
    ownerId: t.id({ description: 'For action items owned by this organisation or those under it.' }).validate(globalIdOf('Organisation').nullish()),
    submittedSince: t.field({ type: 'DateTime', description: 'Submitted at or after this time.' }),
    search: t.string({ description: 'Text in the summary (matched literally, ignoring case).' }).validate(searchText),
  }),
});

function evidenceWhere(filter: typeof EvidenceFilter.$inferInput | null | undefined): Prisma.EvidenceWhereInput {
  if (!filter) return {};
  const where: Prisma.EvidenceWhereInput[] = [];
  if (filter.verifications?.length) where.push({ verification: { in: filter.verifications } });
  if (typeof filter.awaitingVerification === 'boolean') where.push(filter.awaitingVerification ? awaitingVerificationWhere() : { NOT: awaitingVerificationWhere() });
  if (filter.strengths?.length) where.push({ strength: { in: filter.strengths } });
  if (filter.actionItemId) where.push({ actionItemId: filter.actionItemId });
  if (filter.recommendationId) where.push({ actionItem: { recommendationId: filter.recommendationId } });
  if (filter.ownerId) where.push({ actionItem: { owner: withinOrganisation(filter.ownerId) } });
  if (filter.submittedSince) where.push({ submittedAt: { gte: filter.submittedSince } });
  if (filter.search) where.push({ summary: containsText(filter.search) });
  return { AND: where };
}

const EvidenceOrderField = builder.enumType('EvidenceOrderField', {
  description: 'What an evidence list can be sorted by.',
  values: {
    SUBMITTED_AT: { description: 'When it was submitted (the default, oldest first: a queue).' },
    VERIFIED_AT: { description: 'When it was checked.' },
    STRENGTH: { description: 'Strength.' },
    VERIFICATION: { description: 'Verification state.' },
  },
});

const EvidenceOrder = builder.inputType('EvidenceOrder', {
  description: 'Sort order for evidence.',
  fields: (t) => ({
    field: t.field({ type: EvidenceOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

function evidenceOrder(order: typeof EvidenceOrder.$inferInput | null | undefined): Prisma.EvidenceOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  switch (order?.field) {
    case 'VERIFIED_AT':
      return [{ verifiedAt: { sort: direction, nulls: 'last' } }, { id: direction }];
    case 'STRENGTH':
      return [{ strength: direction }, { id: direction }];
    case 'VERIFICATION':
      return [{ verification: direction }, { id: direction }];
    default:
      return [{ submittedAt: direction }, { id: direction }];
  }
}

builder.queryFields((t) => ({
  evidence: t.prismaConnection({
    type: 'Evidence',
    description: 'Evidence across all action plans, oldest submission first unless sorted otherwise.',
    args: {
      filter: t.arg({ type: EvidenceFilter, description: 'Which evidence.' }),
      orderBy: t.arg({ type: EvidenceOrder, description: 'Sort order.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('evidence', {
      where: (args: { filter?: Parameters<typeof evidenceWhere>[0] }) => evidenceWhere(args.filter),
      orderBy: (args: { orderBy?: Parameters<typeof evidenceOrder>[0] }) => evidenceOrder(args.orderBy),
      countedByValuesOf: 'verification',
    }),
  }),
  evidenceItem: t.prismaField({
    type: 'Evidence',
    description: 'One piece of evidence.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Evidence')) },
    resolve: async (query, _parent, args) =>
      (await prisma.evidence.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The evidence')),
  }),
}));

import { prisma } from '../../db/client.ts';
import { recordAssessment } from '../../domain/assessments.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { OFFSET_DESCRIPTION } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { TEXT_MAX, requiredText } from '../shared/validation.ts';
import { AssessmentVerdict } from './enums.ts';

export const Assessment = builder.prismaNode('Assessment', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'An inspector’s independent verdict on a recommendation at a follow-up. Never edited: a later verdict is a new assessment.',
  fields: (t) => ({
    recommendation: t.relation('recommendation', { description: 'The recommendation assessed.' }),
    report: t.relation('report', { nullable: true, description: 'The follow-up report that published the verdict, if any.' }),
    verdict: t.expose('verdict', { type: AssessmentVerdict, description: 'The verdict.' }),
    commentary: t.exposeString('commentary', { description: 'What inspectors found.' }),
    assessedOn: t.expose('assessedOn', { type: 'Date', description: 'When the verdict was reached.' }),
    inspector: t.relation('inspector', { description: 'The inspector who recorded it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

const AssessmentFilter = builder.inputType('AssessmentFilter', {
  description: 'Narrows a list of assessments.',
  fields: (t) => ({
    recommendationId: t.id({ description: 'Of this recommendation.' }).validate(globalIdOf('Recommendation').nullish()),
    reportId: t.id({ description: 'Published in this report.' }).validate(globalIdOf('Report').nullish()),
    verdicts: t.field({ type: [AssessmentVerdict], description: 'Any of these verdicts.' }),
  }),
});

function assessmentWhere(filter: typeof AssessmentFilter.$inferInput | null | undefined): Prisma.AssessmentWhereInput {
  if (!filter) return {};
  return {
    recommendationId: filter.recommendationId ?? undefined,
    reportId: filter.reportId ?? undefined,
    verdict: filter.verdicts?.length ? { in: filter.verdicts } : undefined,
  };
}

builder.queryFields((t) => ({
  assessments: t.prismaConnection({
    type: 'Assessment',
    description: 'Inspectors’ assessments, latest first.',
    args: {
      filter: t.arg({ type: AssessmentFilter, description: 'Which assessments.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('assessment', {
      where: (args: { filter?: Parameters<typeof assessmentWhere>[0] }) => assessmentWhere(args.filter),
      orderBy: () => [{ assessedOn: 'desc' }, { id: 'desc' }],
    }),
  }),
  assessment: t.prismaField({
    type: 'Assessment',
    description: 'One assessment.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Assessment')) },
    resolve: async (query, _parent, args) =>
      (await prisma.assessment.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The assessment')),
  }),
}));

const RecordAssessmentInput = builder.inputType('RecordAssessmentInput', {
  description: 'An inspector’s verdict on a recommendation.',
  fields: (t) => ({
    recommendationId: t.id({ required: true, description: 'The recommendation assessed.' }).validate(globalIdOf('Recommendation')),
    verdict: t.field({ type: AssessmentVerdict, required: true, description: 'The verdict.' }),
    commentary: t.string({ required: true, description: 'What inspectors found.' }).validate(requiredText(TEXT_MAX)),
    assessedOn: t.field({ type: 'Date', description: 'When the verdict was reached (today when omitted).' }),
    reportId: t.id({ description: 'The follow-up report that publishes it, if any.' }).validate(globalIdOf('Report').nullish()),
  }),
});

builder.mutationFields((t) => ({
  recordAssessment: t.prismaField({
    authScopes: { may: 'recordAssessment' },
    type: 'Assessment',
    description: 'Records an inspector’s verdict. The latest verdict is the one that counts; only it can close a recommendation as achieved.',
    args: { input: t.arg({ type: RecordAssessmentInput, required: true, description: 'The verdict.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => recordAssessment(tx, actor, input));
      return prisma.assessment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

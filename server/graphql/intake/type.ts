import { prisma } from '../../db/client.ts';
import type { IntakePreview, IntakeRow } from '../../domain/intake/preview.ts';
import { canChangeReport } from '../../domain/permissions.ts';
import type { RankedCandidate } from '../../domain/repeat-ranking.ts';
import { builder } from '../builder.ts';

export const IntakeRepeatCandidate = builder.objectRef<RankedCandidate>('IntakeRepeatCandidate').implement({
  description: 'An earlier recommendation a previewed one probably repeats, with why it was proposed.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'How strongly it is proposed, higher first.' }),
    reasons: t.exposeStringList('reasons', { description: 'Why it is proposed (a citation, shared words, the same addressee…).' }),
    recommendation: t.prismaField({
      type: 'Recommendation',
      description: 'The earlier recommendation: its report, date, status and latest verdict.',
      // Prisma batches these lookups, made in the same tick, into one query.
      resolve: (query, candidate) => prisma.recommendation.findUniqueOrThrow({ ...query, where: { id: candidate.recommendationId } }),
    }),
  }),
});

const IntakeRowType = builder.objectRef<IntakeRow>('IntakeRow').implement({
  description: 'One recommendation as read from the text or file, to correct before it is saved. Its probable repeats: intakeRepeatCandidates.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The reference as printed ("R3", "2.1"), or its place in the list when none is printed.' }),
    text: t.exposeString('text', { description: 'The recommendation in full, its wrapped lines joined.' }),
    addressees: t.prismaField({
      type: ['Organisation'],
      description: 'The organisations recognised as its addressees, in the order named; the first is proposed as owner.',
      resolve: async (query, row) => {
        const found = await prisma.organisation.findMany({ ...query, where: { id: { in: row.addresseeIds } } });
        return row.addresseeIds.flatMap((id) => found.filter((organisation) => organisation.id === id));
      },
    }),
    recognisedAddressees: t.exposeStringList('recognisedAddressees', { description: 'The words recognised as those organisations, as printed.' }),
    themes: t.prismaField({
      type: ['Theme'],
      description: 'Themes named in a spreadsheet’s theme column.',
      resolve: (query, row) => prisma.theme.findMany({ ...query, where: { id: { in: row.themeIds } } }),
    }),
    targetDate: t.expose('targetDate', { type: 'Date', nullable: true, description: 'From a spreadsheet’s target date column.' }),
    warnings: t.exposeStringList('warnings', { description: 'What to check in this row before saving it.' }),
  }),
});

export const IntakePreviewType = builder.objectRef<IntakePreview>('RecommendationIntakePreview').implement({
  description: 'A report’s recommendations as read from its text or file: nothing is saved until they are added.',
  fields: (t) => ({
    format: t.exposeString('format', { description: 'What was read: PDF, DOCX, XLSX, CSV or TEXT.' }),
    rows: t.field({ type: [IntakeRowType], description: 'The recommendations found, in the order printed.', resolve: (preview) => preview.rows }),
    warnings: t.exposeStringList('warnings', { description: 'What to check about the whole text.' }),
  }),
});

builder.prismaObjectFields('Report', (t) => ({
  viewerCanChangeRecommendations: t.boolean({
    description: 'Whether you may add recommendations to it and withdraw them (its inspectorate’s inspectors, administrators).',
    select: { inspectorate: { select: { path: true } } },
    resolve: (report, _args, { actor }) => canChangeReport(actor, report),
  }),
}));

builder.prismaObjectFields('Recommendation', (t) => ({
  withdrawnAt: t.expose('withdrawnAt', {
    type: 'DateTime',
    nullable: true,
    description:
      'When its inspectorate withdrew it; null while it stands. A withdrawn recommendation takes no new work: changes to its status, ' +
      'responses, action plan, evidence, verdicts, priority and details are refused (CONFLICT). It is still read, discussed, ' +
      'linked to the recommendations it repeats, and kept on or off its report’s public page.',
  }),
  withdrawalReason: t.exposeString('withdrawalReason', { nullable: true, description: 'Why it was withdrawn.' }),
  viewerCanWithdraw: t.boolean({
    description: 'Whether you may withdraw it (its report’s inspectorate’s inspectors, administrators).',
    select: { withdrawnAt: true, report: { select: { inspectorate: { select: { path: true } } } } },
    resolve: (rec, _args, { actor }) => rec.withdrawnAt === null && canChangeReport(actor, rec.report),
  }),
}));

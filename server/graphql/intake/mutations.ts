import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { requireActor } from '../../domain/actor.ts';
import { draftSetting, intakeRepeatCandidates, previewIntake } from '../../domain/intake/preview.ts';
import { MAX_RECOMMENDATIONS_AT_ONCE } from '../../domain/intake/limits.ts';
import { addRecommendations, withdrawRecommendation } from '../../domain/report-recommendations.ts';
import { builder } from '../builder.ts';
import { globalIdOf, globalIdsOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, NAME_MAX, REFERENCE_MAX, TEXT_MAX, base64Content, requiredText } from '../shared/validation.ts';
import { NewRecommendationInput } from '../reports/mutations.ts';
import { IntakePreviewType, IntakeRepeatCandidate } from './type.ts';

/** Pasted text: a whole report's recommendations section fits many times over. */
const PASTED_TEXT_MAX = 2_000_000;

const IntakeFileInput = builder.inputType('IntakeFileInput', {
  description: 'A file to read: a PDF, a Word document (DOCX), a spreadsheet (XLSX) or a CSV file, at most 10 MB. Its type is told from its content.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The file’s name (a .csv name tells CSV from other text).' }).validate(requiredText(NAME_MAX)),
    contentBase64: t.string({ required: true, description: 'The file’s bytes, in base64.' }).validate(base64Content),
  }),
});

const PreviewRecommendationIntakeInput = builder.inputType('PreviewRecommendationIntakeInput', {
  description: 'What to read recommendations from (pasted text or a file), and for which report.',
  fields: (t) => ({
    reportId: t.id({ description: 'The report, if it exists already.' }).validate(globalIdOf('Report').nullish()),
    publishedOn: t.field({ type: 'Date', description: 'For a report not yet saved: its publication date (repeats are sought before it).' }),
    inspectorateId: t.id({ description: 'For a report not yet saved: the inspectorate publishing it.' }).validate(globalIdOf('Organisation').nullish()),
    text: t.string({ description: 'The recommendations section, pasted.' }).validate(
      z.string().max(PASTED_TEXT_MAX, `must be at most ${PASTED_TEXT_MAX} characters`).nullish(),
    ),
    file: t.field({ type: IntakeFileInput, description: 'The report or register as a file.' }),
  }),
});

const AddRecommendationsInput = builder.inputType('AddRecommendationsInput', {
  description: 'Recommendations to add to an existing report: the corrected rows of a preview, or one.',
  fields: (t) => ({
    reportId: t.id({ required: true, description: 'The report.' }).validate(globalIdOf('Report')),
    recommendations: t.field({ type: [NewRecommendationInput], required: true, description: 'In the order printed, after those it has.' }).validate(
      z.array(z.any()).min(1, 'give at least one recommendation').max(MAX_RECOMMENDATIONS_AT_ONCE, `at most ${MAX_RECOMMENDATIONS_AT_ONCE} recommendations at once`),
    ),
  }),
});

const WithdrawRecommendationInput = builder.inputType('WithdrawRecommendationInput', {
  description: 'Withdraws a recommendation, with the reason.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    reason: t.string({ required: true, description: 'Why it is withdrawn: kept with it and in history.' }).validate(requiredText(COMMENT_MAX)),
  }),
});

const IntakeDraftInput = builder.inputType('IntakeDraftInput', {
  description: 'A recommendation not yet saved (a row of a preview), whose earlier repeats are sought.',
  fields: (t) => ({
    reportId: t.id({ description: 'The report it is for, if it exists already.' }).validate(globalIdOf('Report').nullish()),
    publishedOn: t.field({ type: 'Date', description: 'For a report not yet saved: its publication date.' }),
    inspectorateId: t.id({ description: 'For a report not yet saved: the inspectorate publishing it.' }).validate(globalIdOf('Organisation').nullish()),
    reference: t.string({ description: 'Its reference as printed.' }).validate(requiredText(REFERENCE_MAX).nullish()),
    text: t.string({ required: true, description: 'Its text.' }).validate(requiredText(TEXT_MAX)),
    addresseeIds: t.idList({ description: 'Its addressees.' }).validate(globalIdsOf('Organisation').nullish()),
    themeIds: t.idList({ description: 'Its themes.' }).validate(globalIdsOf('Theme').nullish()),
  }),
});

builder.queryFields((t) => ({
  intakeRepeatCandidates: t.field({
    authScopes: { may: 'loadReport' },
    type: [IntakeRepeatCandidate],
    description: 'The earlier recommendations a recommendation not yet saved probably repeats, most likely first: asked for each row of a preview.',
    args: { input: t.arg({ type: IntakeDraftInput, required: true, description: 'The recommendation and its report.' }) },
    resolve: async (_root, { input }, context) => {
      const setting = await draftSetting(prisma, requireActor(context.actor), input);
      return intakeRepeatCandidates(prisma, {
        ...setting,
        text: input.text,
        reference: input.reference,
        addresseeIds: input.addresseeIds ?? [],
        themeIds: input.themeIds ?? [],
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  previewRecommendationIntake: t.field({
    authScopes: { may: 'loadReport' },
    type: IntakePreviewType,
    description:
      'Reads a report’s recommendations from pasted text or a file and proposes addressees and repeats for each. Saves nothing: correct the rows, then addRecommendations or createReport.',
    args: { input: t.arg({ type: PreviewRecommendationIntakeInput, required: true, description: 'The text or file.' }) },
    resolve: (_root, { input }, context) =>
      previewIntake(prisma, requireActor(context.actor), {
        ...input,
        file: input.file ? { name: input.file.name, content: Buffer.from(input.file.contentBase64, 'base64') } : null,
      }),
  }),
  addRecommendations: t.prismaField({
    authScopes: { may: 'loadReport' },
    type: ['Recommendation'],
    description: 'Adds recommendations to an existing report in one transaction, with the repeats chosen for them, and history.',
    args: { input: t.arg({ type: AddRecommendationsInput, required: true, description: 'The report and its new recommendations.' }) },
    resolve: async (query, _root, { input }, context) => {
      const ids = await write(context, (tx, actor) =>
        addRecommendations(tx, actor, {
          reportId: input.reportId,
          recommendations: input.recommendations.map((rec) => ({ ...rec, addresseeIds: rec.addresseeIds ?? undefined, themeIds: rec.themeIds ?? undefined })),
        }),
      );
      return prisma.recommendation.findMany({ ...query, where: { id: { in: ids } }, orderBy: { position: 'asc' } });
    },
  }),
  withdrawRecommendation: t.prismaField({
    authScopes: { may: 'loadReport' },
    type: 'Recommendation',
    description: 'Withdraws a recommendation: it stays visible as withdrawn, and is no longer open, overdue or repeated-and-unmet.',
    args: { input: t.arg({ type: WithdrawRecommendationInput, required: true, description: 'Which, and why.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => withdrawRecommendation(tx, actor, input));
      return prisma.recommendation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { ReportKind as ReportKinds } from '../../db/generated/prisma/enums.ts';
import { MAX_RECOMMENDATIONS_AT_ONCE } from '../../domain/intake/limits.ts';
import { createReport, updateReport } from '../../domain/reports.ts';
import { builder } from '../builder.ts';
import { globalIdOf, globalIdsOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { REFERENCE_MAX, TEXT_MAX, TITLE_MAX, optionalText, requiredText, webAddress } from '../shared/validation.ts';
import { ReportKind } from '../types/enums.ts';

export const NewRecommendationInput = builder.inputType('NewRecommendationInput', {
  description: 'A recommendation of a new report, as printed.',
  fields: (t) => ({
    reference: t.string({ required: true, description: 'The reference as printed, e.g. "R3".' }).validate(requiredText(REFERENCE_MAX)),
    text: t.string({ required: true, description: 'The recommendation in full.' }).validate(requiredText(TEXT_MAX)),
    ownerId: t.id({ required: true, description: 'The lead owning organisation.' }).validate(globalIdOf('Organisation')),
    addresseeIds: t.idList({ description: 'Other organisations it is addressed to.' }).validate(globalIdsOf('Organisation').optional()),
    themeIds: t.idList({ description: 'Its themes.' }).validate(globalIdsOf('Theme').optional()),
    targetDate: t.field({ type: 'Date', description: 'When it should be met.' }),
    repeatsId: t.id({ description: 'An earlier recommendation it repeats (the link is confirmed).' }).validate(globalIdOf('Recommendation').nullish()),
  }),
});

const CreateReportInput = builder.inputType('CreateReportInput', {
  description: 'A new report with all its recommendations, loaded in one step.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Title as published.' }).validate(requiredText(TITLE_MAX)),
    kind: t.field({ type: ReportKind, required: true, description: 'What kind of publication it is.' }),
    publishedOn: t.field({ type: 'Date', required: true, description: 'Date of publication.' }),
    url: t.string({ description: 'Where it is published.' }).validate(webAddress),
    summary: t.string({ description: 'What it found, in brief.' }).validate(optionalText(TEXT_MAX)),
    inspectorateId: t.id({ required: true, description: 'The inspectorate that published it.' }).validate(globalIdOf('Organisation')),
    followsUpIds: t.idList({ description: 'Earlier reports it follows up.' }).validate(globalIdsOf('Report').optional()),
    recommendations: t.field({
      type: [NewRecommendationInput],
      required: true,
      description: 'Its recommendations, in the order printed.',
    }).validate(z.array(z.any()).max(MAX_RECOMMENDATIONS_AT_ONCE, `at most ${MAX_RECOMMENDATIONS_AT_ONCE} recommendations in one report`)),
  }),
});

const UpdateReportInput = builder.inputType('UpdateReportInput', {
  description: 'Changes to a report’s details. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The report.' }).validate(globalIdOf('Report')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    title: t.string({ description: 'Title as published.' }).validate(requiredText(TITLE_MAX).optional()),
    kind: t.field({ type: ReportKind, description: 'What kind of publication it is.' }).validate(z.enum(ReportKinds).optional()),
    publishedOn: t.field({ type: 'Date', description: 'Date of publication.' }).validate(z.date().optional()),
    url: t.string({ description: 'Where it is published; null to clear.' }).validate(webAddress),
    summary: t.string({ description: 'What it found; null to clear.' }).validate(optionalText(TEXT_MAX)),
    followsUpIds: t.idList({ description: 'Earlier reports it follows up, replacing the current ones.' }).validate(globalIdsOf('Report').optional()),
    responsesDueOn: t.field({ type: 'Date', description: 'When addressees’ responses are due (not before publication); null for no due date.' }),
  }),
});

builder.mutationFields((t) => ({
  createReport: t.prismaField({
    authScopes: { may: 'loadReport' },
    type: 'Report',
    description: 'Loads a new report with its recommendations, owners, themes and repeat links in one transaction.',
    args: { input: t.arg({ type: CreateReportInput, required: true, description: 'The report.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) =>
        createReport(tx, actor, {
          ...input,
          followsUpIds: input.followsUpIds ?? undefined,
          recommendations: input.recommendations.map((rec) => ({
            ...rec,
            addresseeIds: rec.addresseeIds ?? undefined,
            themeIds: rec.themeIds ?? undefined,
          })),
        }),
      );
      return prisma.report.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateReport: t.prismaField({
    authScopes: { may: 'loadReport' },
    type: 'Report',
    description: 'Changes a report’s details.',
    args: { input: t.arg({ type: UpdateReportInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, context) => {
      const { id, version, ...changes } = input;
      await write(context, (tx, actor) =>
        updateReport(tx, actor, {
          id,
          version,
          changes: {
            // null is refused by validation for these: only omitted (undefined) remains.
            title: changes.title ?? undefined,
            kind: changes.kind ?? undefined,
            publishedOn: changes.publishedOn ?? undefined,
            url: changes.url,
            summary: changes.summary,
            followsUpIds: changes.followsUpIds ?? undefined,
            responsesDueOn: changes.responsesDueOn,
          },
        }),
      );
      return prisma.report.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

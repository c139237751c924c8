import { prisma } from '../../db/client.ts';
import { can, reportTarget } from '../../domain/permissions.ts';
import { publicPagePath, setRecommendationInternal, setReportPublic } from '../../domain/publication.ts';
import { builder } from '../builder.ts';
import { Recommendation } from '../recommendations/type.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, optionalText } from '../shared/validation.ts';
import { Report } from './type.ts';

builder.prismaObjectFields(Report, (t) => ({
  isPublic: t.exposeBoolean('isPublic', {
    description: 'Whether its public page shows it (when the server’s public view is on): only reports marked public appear there.',
  }),
  publicPagePath: t.string({
    nullable: true,
    description: 'The address of its public page on this server, when there is one: it is marked public and the server’s public view is on.',
    select: { isPublic: true },
    resolve: (report) => publicPagePath(report),
  }),
  viewerCanPublish: t.boolean({
    description: 'Whether you may mark it public or not, and its recommendations internal (inspectors of its inspectorate, administrators).',
    select: { inspectorate: { select: { path: true } } },
    resolve: (report, _args, { actor }) => can(actor, 'publishReport', reportTarget(report)),
  }),
}));

builder.prismaObjectFields(Recommendation, (t) => ({
  isInternal: t.exposeBoolean('isInternal', { description: 'Kept off its report’s public page even when the report is public.' }),
}));

const SetReportPublicInput = builder.inputType('SetReportPublicInput', {
  description: 'Whether a report’s public page shows it.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The report.' }).validate(globalIdOf('Report')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    isPublic: t.boolean({ required: true, description: 'True to show it on its public page, false to take it off.' }),
    comment: t.string({ description: 'Why, kept in history.' }).validate(optionalText(COMMENT_MAX)),
  }),
});

const SetRecommendationInternalInput = builder.inputType('SetRecommendationInternalInput', {
  description: 'Whether a recommendation is kept off its report’s public page.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    isInternal: t.boolean({ required: true, description: 'True to keep it off the public page, false to show it there.' }),
    comment: t.string({ description: 'Why, kept in history.' }).validate(optionalText(COMMENT_MAX)),
  }),
});

builder.mutationFields((t) => ({
  setReportPublic: t.prismaField({
    authScopes: { may: 'publishReport' },
    type: 'Report',
    description: 'Marks a report public, so that its public page (when the server’s public view is on) shows it, or takes it off.',
    args: { input: t.arg({ type: SetReportPublicInput, required: true, description: 'Which, and whether.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => setReportPublic(tx, actor, input));
      return prisma.report.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setRecommendationInternal: t.prismaField({
    authScopes: { may: 'publishReport' },
    type: 'Recommendation',
    description: 'Marks a recommendation internal, keeping it off its report’s public page, or fit to show there.',
    args: { input: t.arg({ type: SetRecommendationInternalInput, required: true, description: 'Which, and whether.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => setRecommendationInternal(tx, actor, input));
      return prisma.recommendation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

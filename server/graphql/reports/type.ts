import { canChangeReport } from '../../domain/permissions.ts';
import { builder } from '../builder.ts';
import { ReportKind } from '../types/enums.ts';
import { loadReportProgress, ReportProgress } from './progress.ts';
import { pageArguments } from '../shared/pagination.ts';

export const Report = builder.prismaNode('Report', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'A published inspection report and the recommendations it made.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title as published.' }),
    kind: t.expose('kind', { type: ReportKind, description: 'What kind of publication it is.' }),
    publishedOn: t.expose('publishedOn', { type: 'Date', description: 'Date of publication.' }),
    responsesDueOn: t.expose('responsesDueOn', {
      type: 'Date',
      nullable: true,
      description: 'When addressees’ responses are due: publication plus the inspectorate’s responseDays when loaded, then as inspectors set it.',
    }),
    url: t.exposeString('url', { nullable: true, description: 'Where the report is published.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'What the report found, in brief.' }),
    inspectorate: t.relation('inspectorate', { description: 'The inspectorate that published it.' }),
    followsUp: t.relation('followsUp', {
      description: 'Earlier reports whose recommendations it follows up.',
      query: { orderBy: { publishedOn: 'asc' } },
    }),
    followedUpBy: t.relation('followedUpBy', {
      description: 'Later reports that follow it up.',
      query: { orderBy: { publishedOn: 'asc' } },
    }),
    recommendations: t.relatedConnection('recommendations', {
      cursor: 'id',
      validate: pageArguments,
      description: 'Its recommendations, in the order printed.',
      totalCount: true,
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
    assessments: t.relation('assessments', {
      description: 'Verdicts on earlier recommendations published in this report.',
      query: { orderBy: [{ assessedOn: 'asc' }, { id: 'asc' }] },
    }),
    progress: t.loadable({
      type: ReportProgress,
      description: 'Share of its recommendations implemented as reported by owners, and achieved as verified by inspectors.',
      load: (ids: number[]) => loadReportProgress(ids),
      resolve: (report) => report.id,
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether you may change it (its inspectorate’s inspectors, administrators).',
      select: { inspectorate: { select: { path: true } } },
      resolve: (report, _args, { actor }) => canChangeReport(actor, report),
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was loaded.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

import { prisma } from '../../db/client.ts';
import { builder } from '../builder.ts';
import { ReportKind } from './enums.ts';

builder.prismaNode('Report', {
  id: { field: 'id' },
  description: 'A published inspection report and the recommendations it made.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title as published.' }),
    kind: t.expose('kind', { type: ReportKind, description: 'What kind of publication it is.' }),
    publishedOn: t.expose('publishedOn', { type: 'Date', description: 'Date of publication.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the report is published.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'What the report found, in brief.' }),
    inspectorate: t.relation('inspectorate', { description: 'The inspectorate that published it.' }),
    recommendations: t.relatedConnection('recommendations', {
      cursor: 'id',
      description: 'Its recommendations, in the order printed.',
      totalCount: true,
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.queryFields((t) => ({
  reports: t.prismaConnection({
    type: 'Report',
    cursor: 'id',
    description: 'Published reports, newest first.',
    totalCount: () => prisma.report.count(),
    resolve: (query) => prisma.report.findMany({ ...query, orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }] }),
  }),
}));

import { prisma } from '../../db/client.ts';
import { builder } from '../builder.ts';
import { OrganisationKind } from './enums.ts';

builder.prismaNode('Organisation', {
  id: { field: 'id' },
  description: 'A body that owns recommendations or actions, or an inspectorate.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    shortName: t.exposeString('shortName', { nullable: true, description: 'Abbreviation, e.g. HMPPS.' }),
    kind: t.expose('kind', { type: OrganisationKind, description: 'What kind of body it is.' }),
    parent: t.relation('parent', { nullable: true, description: 'The body it belongs to.' }),
    children: t.relation('children', {
      description: 'Bodies that belong to it.',
      query: { orderBy: { name: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  organisations: t.prismaConnection({
    type: 'Organisation',
    cursor: 'id',
    description: 'All organisations, by name.',
    totalCount: () => prisma.organisation.count(),
    resolve: (query) => prisma.organisation.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
}));

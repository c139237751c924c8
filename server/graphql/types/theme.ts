import { prisma } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, pageArguments } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { containsText, searchText } from '../shared/search.ts';

export const Theme = builder.prismaNode('Theme', {
  id: { field: 'id' },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'A theme recommendations concern, such as "risk assessment" or "victim safety".',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, unique.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it covers.' }),
    recommendations: t.relatedConnection('recommendations', {
      cursor: 'id',
      validate: pageArguments,
      description: 'Recommendations concerning it, newest first.',
      totalCount: true,
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    }),
  }),
});

builder.queryFields((t) => ({
  themes: t.prismaConnection({
    type: 'Theme',
    description: 'All themes, by name.',
    args: {
      search: t.arg.string({ description: 'Text in the name (matched literally, ignoring case).' }).validate(searchText),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('theme', {
      where: (args: { search?: string | null }) => (args.search ? { name: containsText(args.search) } : {}),
      orderBy: () => [{ name: 'asc' }, { id: 'asc' }],
    }),
  }),
  theme: t.prismaField({
    type: 'Theme',
    description: 'One theme.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Theme')) },
    resolve: async (query, _parent, args) =>
      (await prisma.theme.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The theme')),
  }),
}));

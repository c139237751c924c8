import { prisma } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION, pageArguments, pageSkip } from '../shared/pagination.ts';
import { Role } from './enums.ts';
import { Organisation } from './organisation.ts';

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'A person who signs in. Leaders belong to an organisation and act within it and those under it.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    email: t.exposeString('email', { description: 'Email address, used to sign in.' }),
    role: t.expose('role', { type: Role, description: 'What they may do.' }),
    organisation: t.relation('organisation', { nullable: true, description: 'Their organisation (leaders and inspectors).' }),
    active: t.exposeBoolean('active', { description: 'Whether they may sign in.' }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was made.' }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  description: 'Narrows a list of users.',
  fields: (t) => ({
    roles: t.field({ type: [Role], description: 'Any of these roles.' }),
    organisationId: t.id({ description: 'In this organisation.' }).validate(globalIdOf('Organisation').nullish()),
    search: t.string({ description: 'Words in the name or email.' }),
  }),
});

function userWhere(filter: typeof UserFilter.$inferInput | null | undefined): Prisma.UserWhereInput {
  if (!filter) return {};
  const search = filter.search?.trim();
  return {
    role: filter.roles?.length ? { in: filter.roles } : undefined,
    organisationId: filter.organisationId ?? undefined,
    OR: search
      ? [{ name: { contains: search, mode: 'insensitive' } }, { email: { contains: search, mode: 'insensitive' } }]
      : undefined,
  };
}

builder.queryFields((t) => ({
  users: t.prismaConnection({
    type: 'User',
    validate: pageArguments,
    cursor: 'id',
    description: 'Users, by name.',
    args: {
      filter: t.arg({ type: UserFilter, description: 'Which users.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    totalCount: (_parent, args) => prisma.user.count({ where: userWhere(args.filter) }),
    resolve: (query, _parent, args) =>
      prisma.user.findMany({ ...query, skip: pageSkip(args, query.skip), where: userWhere(args.filter), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  user: t.prismaField({
    type: 'User',
    description: 'One user.',
    args: { id: t.arg.id({ required: true, description: 'Their id.' }).validate(globalIdOf('User')) },
    resolve: async (query, _parent, args) =>
      (await prisma.user.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The user')),
  }),
}));

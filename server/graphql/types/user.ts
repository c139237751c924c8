import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { Role as Roles } from '../../db/generated/prisma/enums.ts';
import { createUser, PASSWORD_MIN_LENGTH, updateUser } from '../../domain/users.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { NAME_MAX, requiredText } from '../shared/validation.ts';
import { OFFSET_DESCRIPTION } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { DigestFrequency, Role } from './enums.ts';
import { can } from '../../domain/permissions.ts';
import { readsEveryAccount } from '../../domain/visibility.ts';
import type { Context } from '../context.ts';
import { containsText, searchText } from '../shared/search.ts';

/**
 * A person's name, role and organisation are for every signed-in caller (history names who made
 * each change); the details of the account itself are its owner's and administrators'.
 */
const ownAccount = (user: { id: number }, _args: object, { actor }: Context) => can(actor, 'readAccount', { userId: user.id });
/** Such a field is null to everyone else, not an error: a list of people still reads whole. */
const hidden = { authScopes: ownAccount, nullable: true, unauthorizedResolver: () => null } as const;

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'A person who signs in. Leaders belong to an organisation and act within it and those under it.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    email: t.exposeString('email', { description: 'Email address, used to sign in: yours; administrators see everyone’s (null to others).', ...hidden }),
    role: t.expose('role', { type: Role, description: 'What they may do.' }),
    organisation: t.relation('organisation', { nullable: true, description: 'Their organisation (leaders and inspectors).' }),
    active: t.exposeBoolean('active', { description: 'Whether they may sign in: yours; administrators see everyone’s (null to others).', ...hidden }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update (null to all but its owner and administrators).', ...hidden }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was made: yours; administrators see everyone’s (null to others).', ...hidden }),
    digestFrequency: t.expose('digestFrequency', {
      type: DigestFrequency,
      description: 'How often the digest of their work is emailed to them, as they chose: yours; administrators see everyone’s (null to others).',
      ...hidden,
    }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  description: 'Narrows a list of users.',
  fields: (t) => ({
    roles: t.field({ type: [Role], description: 'Any of these roles.' }),
    organisationId: t.id({ description: 'In this organisation.' }).validate(globalIdOf('Organisation').nullish()),
    search: t.string({ description: 'Text in the name, or in the email for administrators (matched literally, ignoring case).' }).validate(searchText),
  }),
});

function userWhere(filter: typeof UserFilter.$inferInput | null | undefined, actor: Context['actor']): Prisma.UserWhereInput {
  if (!filter) return {};
  const search = filter.search;
  // Searching emails would tell, by the count, what others' emails hold: only for those who read them all.
  const searched = readsEveryAccount(actor) ? ['name', 'email'] : ['name'];
  return {
    role: filter.roles?.length ? { in: filter.roles } : undefined,
    organisationId: filter.organisationId ?? undefined,
    OR: search ? searched.map((column) => ({ [column]: containsText(search) })) : undefined,
  };
}

builder.queryFields((t) => ({
  users: t.prismaConnection({
    type: 'User',
    description: 'Users, by name.',
    args: {
      filter: t.arg({ type: UserFilter, description: 'Which users.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('user', {
      where: (args: { filter?: Parameters<typeof userWhere>[0] }, { actor }) => userWhere(args.filter, actor),
      orderBy: () => [{ name: 'asc' }, { id: 'asc' }],
    }),
  }),
  user: t.prismaField({
    type: 'User',
    description: 'One user.',
    args: { id: t.arg.id({ required: true, description: 'Their id.' }).validate(globalIdOf('User')) },
    resolve: async (query, _parent, args) =>
      (await prisma.user.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The user')),
  }),
}));

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1000, 'is too long');

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'A new user account.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Email address, used to sign in.' }).validate(z.email('must be an email address').max(320)),
    name: t.string({ required: true, description: 'Full name.' }).validate(requiredText(NAME_MAX)),
    role: t.field({ type: Role, required: true, description: 'What they may do.' }),
    organisationId: t.id({ description: 'Their organisation (required for leaders).' }).validate(globalIdOf('Organisation').nullish()),
    password: t.string({ required: true, description: `A first password, at least ${PASSWORD_MIN_LENGTH} characters.` }).validate(password),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Changes to a user account. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The user.' }).validate(globalIdOf('User')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    name: t.string({ description: 'Full name.' }).validate(requiredText(NAME_MAX).optional()),
    role: t.field({ type: Role, description: 'What they may do.' }).validate(z.enum(Roles).optional()),
    organisationId: t.id({ description: 'Their organisation; null for none.' }).validate(globalIdOf('Organisation').nullish()),
    active: t.boolean({ description: 'Whether they may sign in.' }).validate(z.boolean().optional()),
    password: t.string({ description: 'A new password; their sessions end.' }).validate(password.optional()),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    authScopes: { may: 'administer' },
    description: 'Makes a user account.',
    args: { input: t.arg({ type: CreateUserInput, required: true, description: 'The account.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => createUser(tx, actor, input));
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateUser: t.prismaField({
    type: 'User',
    authScopes: { may: 'administer' },
    description: 'Changes a user’s name, role, organisation, password, or whether they may sign in.',
    args: { input: t.arg({ type: UpdateUserInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, context) => {
      const { id, version, ...changes } = input;
      await write(context, (tx, actor) =>
        updateUser(tx, actor, {
          id,
          version,
          changes: {
            name: changes.name ?? undefined,
            role: changes.role ?? undefined,
            organisationId: changes.organisationId,
            active: changes.active ?? undefined,
            password: changes.password ?? undefined,
          },
        }),
      );
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

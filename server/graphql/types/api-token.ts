
import { createApiToken, revokeApiToken } from '../../auth/api-tokens.ts';
import { prisma } from '../../db/client.ts';
import { forbidden } from '../../errors.ts';
import { can } from '../../domain/permissions.ts';
import { mayReadApiToken, visibleApiTokens } from '../../domain/visibility.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { NAME_MAX, requiredText } from '../shared/validation.ts';
import { ApiTokenAccess } from './enums.ts';

export const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects,
  // and for one the caller may not see: looked up with the same filter as the lists.
  nullable: true,
  findUnique: (id, { actor }) => ({ id: Number(id), AND: [visibleApiTokens(actor)] }),
  // Whatever path leads to a token, only its owner and administrators may read it.
  authScopes: (token, { actor }) => mayReadApiToken(actor, token),
  description: 'A named token with which a script calls the API as its user. Its secret is shown once, when it is made, and never stored.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is for.' }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell tokens apart.' }),
    access: t.expose('access', { type: ApiTokenAccess, description: 'Read only, or read and write.' }),
    user: t.relation('user', { description: 'Whose token it is: it never does more than this user may.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When it stops working, if ever.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked, if it was.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'When it was last used (to the minute).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
    isActive: t.boolean({
      description: 'Neither revoked nor expired.',
      resolve: (token) => !token.revokedAt && (!token.expiresAt || token.expiresAt.getTime() > Date.now()),
    }),
  }),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'A new API token.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What it is for, e.g. "nightly export".' }).validate(requiredText(NAME_MAX)),
    access: t.field({ type: ApiTokenAccess, required: true, description: 'READ for scripts that only read.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When it should stop working (none when omitted).' }),
    userId: t.id({ description: 'Whose token (administrators only; yourself when omitted).' }).validate(globalIdOf('User').nullish()),
  }),
});

const CreatedApiToken = builder.objectRef<{ id: number; secret: string }>('CreatedApiToken').implement({
  description: 'A token just made, with its secret: copy it now, it is never shown again.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Send it as "Authorization: Bearer <secret>".' }),
    token: t.prismaField({
      type: 'ApiToken',
      description: 'The token.',
      resolve: (query, created) => prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: created.id } }),
    }),
  }),
});

builder.queryFields((t) => ({
  apiTokens: t.prismaField({
    type: ['ApiToken'],
    description: 'Your API tokens, newest first; administrators may list anyone’s, or everyone’s.',
    args: {
      userId: t.arg.id({ description: 'Whose tokens (administrators only).' }).validate(globalIdOf('User').nullish()),
      all: t.arg.boolean({ defaultValue: false, description: 'Every user’s tokens (administrators only).' }),
    },
    resolve: (query, _root, args, { actor }) => {
      // Everyone's needs every account (administrators); one person's, theirs.
      const userId = args.all ? null : (args.userId ?? actor!.userId);
      if (!can(actor, 'readAccount', { userId })) throw forbidden();
      return prisma.apiToken.findMany({
        ...query,
        where: { AND: [userId === null ? {} : { userId }, visibleApiTokens(actor)] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 500,
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    description: 'Makes an API token (signed in, not with a token). Its secret is in the answer, once; only a hash is kept.',
    authScopes: { may: 'manageApiToken' },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true, description: 'The token.' }) },
    resolve: (_root, { input }, context) =>
      write(context, (tx, actor) =>
        createApiToken(tx, actor, {
          userId: input.userId ?? actor.userId,
          name: input.name,
          access: input.access,
          expiresAt: input.expiresAt,
        }),
      ),
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    description: 'Revokes an API token at once. Your own; administrators may revoke anyone’s.',
    authScopes: { may: 'manageApiToken' },
    args: { id: t.arg.id({ required: true, description: 'The token.' }).validate(globalIdOf('ApiToken')) },
    resolve: async (query, _root, args, context) => {
      const id = await write(context, (tx, actor) => revokeApiToken(tx, actor, args.id));
      return prisma.apiToken.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));


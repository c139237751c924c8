import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { endSession, startSession } from '../../auth/sessions.ts';
import { signIn } from '../../auth/sign-in.ts';
import { badUserInput } from '../../errors.ts';
import { builder } from '../builder.ts';
import { ACTION_MEANINGS, ACTIONS, actionsOf, type Action as ActionName } from '../../domain/permissions.ts';
import { User } from './user.ts';

const LoginInput = builder.inputType('LoginInput', {
  description: 'An email and password.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The email address of the account.' }).validate(z.string().trim().min(1, 'must not be empty').max(320, 'is too long')),
    password: t.string({ required: true, description: 'Its password.' }).validate(z.string().min(1, 'must not be empty').max(1000, 'is too long')),
  }),
});

/** The domain's actions (domain/permissions.ts), as the API names them: UPDATE_STATUS for updateStatus. */
export const Action = builder.enumType('Action', {
  description: 'Something a caller may be allowed to do. The same vocabulary decides every permission in the API.',
  values: Object.fromEntries(
    ACTIONS.map((action) => [action.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase(), { value: action, description: ACTION_MEANINGS[action] }]),
  ) as Record<string, { value: ActionName; description: string }>,
});

builder.queryFields((t) => ({
  permissions: t.field({
    type: [Action],
    // Anyone may ask; nobody signed in may do nothing.
    skipTypeScopes: true,
    authScopes: { anyone: true },
    description:
      'The actions you may take with these credentials: anywhere, within your organisation, or on your own account. ' +
      'For offering menus and buttons; each record’s viewerCan… fields answer for that record.',
    resolve: (_root, _args, { actor }) => actionsOf(actor),
  }),
  // A plain field, not a prismaField: for nobody signed in it answers null without a query, and
  // a query prepared and left unused would be reported as a fault (schema-checks.ts).
  me: t.field({
    type: User,
    nullable: true,
    // Anyone may ask who they are; the answer is null when nobody is signed in.
    skipTypeScopes: true,
    authScopes: { anyone: true },
    description: 'The signed-in user (or the user of the API token), or null.',
    resolve: (_root, _args, context) => (context.actor ? prisma.user.findUnique({ where: { id: context.actor.userId } }) : null),
  }),
}));

builder.mutationFields((t) => ({
  login: t.prismaField({
    type: 'User',
    description:
      'Signs a person in and sets an HTTP-only session cookie. Repeated failures are slowed, then refused for a while; the answer never says whether an account exists.',
    authScopes: { anyone: true },
    args: { input: t.arg({ type: LoginInput, required: true, description: 'The credentials.' }) },
    resolve: async (query, _root, { input }, context) => {
      // Passwords are guessed one request at a time, not fifteen aliases at a time.
      if (context.signInAttempted) throw badUserInput('Sign in once per request.');
      context.signInAttempted = true;
      const { userId } = await signIn(input.email, input.password, context.address);
      const previous = context.session.current();
      if (previous) await endSession(previous);
      const session = await startSession(userId);
      context.session.start(session.secret, session.expiresAt);
      return prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  logout: t.boolean({
    description: 'Ends the session on the server and clears its cookie. True when there was a session to end.',
    authScopes: { anyone: true },
    resolve: async (_root, _args, context) => {
      const secret = context.session.current();
      context.session.end();
      return secret ? endSession(secret) : false;
    },
  }),
}));

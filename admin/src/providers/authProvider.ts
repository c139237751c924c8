import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { canAccess, type Action, type Permissions, type Role } from './canAccess';
import { graphql } from './graphql';
import { forgetExplorerStorage } from '../explorer/storage';
import { loginMutation, logoutMutation, meQuery } from './session';

/** The signed-in person as `me` answers (session.ts). */
export type SignedInUser = { id: string; name: string; email: string; role: Role; organisation: { id: string; name: string; shortName?: string | null } | null };

export type Identity = UserIdentity & { email: string; role: Role; organisation: SignedInUser['organisation']; permissions: Permissions };

function toIdentity(user: SignedInUser, actions: readonly Action[]): Identity {
  return { id: user.id, fullName: user.name, email: user.email, role: user.role, organisation: user.organisation, permissions: { actions } };
}

/** What `meQuery` answers. */
export type SessionAnswer = { me: SignedInUser | null; permissions: Action[] };

/** The signed-in person, read once per page load and after each sign-in, and renewed by `keepIdentity`. */
let session: Promise<Identity | null> | null = null;

function currentIdentity(): Promise<Identity | null> {
  session ??= graphql<SessionAnswer>(meQuery)
    .then(({ me, permissions }) => (me ? toIdentity(me, permissions) : null))
    .catch((error: unknown) => {
      session = null;
      throw error;
    });
  return session;
}

/**
 * Keeps what a fresh read of `meQuery` said (the account page reads it each time it opens), so
 * that a name, role or organisation an administrator changed since sign-in reaches the app bar
 * and what the app offers, once the caller has react-admin read the identity again.
 */
export function keepIdentity({ me, permissions }: SessionAnswer): void {
  // Only over the same person's identity: an answer that arrives after signing out, or after someone
  // else signed in on this browser, is not theirs to keep.
  if (!me || !session) return;
  const kept = session;
  session = kept.then((current) => (current && current.id === me.id ? toIdentity(me, permissions) : current));
}

async function signedIn(): Promise<Identity> {
  const identity = await currentIdentity().catch(() => null);
  if (!identity) throw { message: false };
  return identity;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    session = null;
    await graphql<{ login: SignedInUser }>(loginMutation, { email: username, password }).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 401) throw new Error('That email and password do not match an account that may sign in.');
      throw error;
    });
    // Who they are and what they may do, as the new session is told.
    await currentIdentity();
  },
  async logout() {
    session = null;
    forgetExplorerStorage();
    await graphql<{ logout: boolean }>(logoutMutation).catch(() => undefined);
  },
  async checkAuth() {
    await signedIn();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session = null;
      forgetExplorerStorage();
      throw { message: 'Your session has ended. Please sign in again.' };
    }
  },
  getIdentity: () => signedIn(),
  getPermissions: async () => (await signedIn()).permissions,
  async canAccess(params) {
    const identity = await currentIdentity().catch(() => null);
    return canAccess(identity?.permissions, { action: params.action, resource: params.resource, record: params.record });
  },
};

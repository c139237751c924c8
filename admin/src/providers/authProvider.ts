import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { canAccess, type Permissions, type Role } from './canAccess';
import { identityFields } from './fields';
import { graphql } from './graphql';

type User = { id: string; name: string; email: string; role: Role; organisation: { id: string; name: string; shortName?: string | null } | null };

export type Identity = UserIdentity & { email: string; role: Role; organisation: User['organisation']; permissions: Permissions };

type Connection = { totalCount: number; edges: { node: { id: string } }[] };

/** The ids of an organisation and every one under it: where a leader may act. */
async function subtreeOf(organisationId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let total = 1; ids.length < total; ) {
    const { organisations } = await graphql<{ organisations: Connection }>(
      `query Subtree($within: ID!, $offset: Int) { organisations(first: 100, offset: $offset, filter: { within: $within }) { totalCount edges { node { id } } } }`,
      { within: organisationId, offset: ids.length },
    );
    total = organisations.totalCount;
    if (!organisations.edges.length) break;
    ids.push(...organisations.edges.map((edge) => edge.node.id));
  }
  return ids;
}

async function toIdentity(user: User): Promise<Identity> {
  const organisationId = user.organisation?.id ?? null;
  const subtreeIds = user.role === 'LEADER' && organisationId ? await subtreeOf(organisationId) : [];
  return {
    id: user.id, fullName: user.name, email: user.email, role: user.role, organisation: user.organisation,
    permissions: { role: user.role, organisationId, subtreeIds },
  };
}

/** The signed-in person, read once per page load and after each sign-in. */
let session: Promise<Identity | null> | null = null;

function currentIdentity(): Promise<Identity | null> {
  session ??= graphql<{ me: User | null }>(`query Me { me { ${identityFields} } }`)
    .then(({ me }) => (me ? toIdentity(me) : null))
    .catch((error: unknown) => {
      session = null;
      throw error;
    });
  return session;
}

async function signedIn(): Promise<Identity> {
  const identity = await currentIdentity().catch(() => null);
  if (!identity) throw { message: false };
  return identity;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    session = null;
    const { login } = await graphql<{ login: User }>(
      `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { ${identityFields} } }`,
      { email: username, password },
    ).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 401) throw new Error('That email and password do not match an account that may sign in.');
      throw error;
    });
    session = toIdentity(login);
    await session;
  },
  async logout() {
    session = null;
    await graphql<{ logout: boolean }>('mutation Logout { logout }').catch(() => undefined);
  },
  async checkAuth() {
    await signedIn();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session = null;
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

import { forgetAllAccessAtCommit } from '../auth/access-cache.ts';
import type { TransactionClient } from '../db/client.ts';
import type { Role } from '../db/generated/prisma/enums.ts';
import { hashPassword } from '../auth/password.ts';
import { badField, badUserInput, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { checkOrganisations } from './known-records.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { organisationLabels } from './labels.ts';
import { checkVersion, expectUpdated } from './versions.ts';

export const PASSWORD_MIN_LENGTH = 12;

async function checkOrganisationForRole(tx: TransactionClient, role: Role, organisationId: number | null | undefined): Promise<void> {
  if (role === 'LEADER' && !organisationId) throw badField(['organisationId'], 'a leader belongs to an organisation');
  if (organisationId) await checkOrganisations(tx, [organisationId], ['organisationId']);
}

export async function createUser(
  tx: TransactionClient,
  actor: Actor,
  input: { email: string; name: string; role: Role; organisationId?: number | null; password: string },
): Promise<number> {
  authorize(actor, 'administer');
  const email = input.email.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw badField(['email'], 'another user has this email');
  await checkOrganisationForRole(tx, input.role, input.organisationId);
  const user = await tx.user.create({
    data: { email, name: input.name, role: input.role, organisationId: input.organisationId, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
  await recordHistory(tx, actor, { kind: 'CREATED', subject: 'USER', subjectId: user.id, toValue: `${email} (${input.role})` });
  return user.id;
}

export async function updateUser(
  tx: TransactionClient,
  actor: Actor,
  input: {
    id: number;
    version: number;
    changes: { name?: string; role?: Role; organisationId?: number | null; active?: boolean; password?: string };
  },
): Promise<number> {
  authorize(actor, 'administer');
  const found = await tx.user.findUnique({ where: { id: input.id } });
  if (!found) throw notFound('The user');
  const current = checkVersion(found, input.version, 'The user');
  const { changes } = input;
  const on = { subject: 'USER' as const, subjectId: input.id };
  const history: HistoryEntry[] = [];
  if (changes.name !== undefined && changes.name !== current.name) history.push({ ...on, kind: 'UPDATED', field: 'name', fromValue: current.name, toValue: changes.name });
  if (changes.role !== undefined && changes.role !== current.role) history.push({ ...on, kind: 'UPDATED', field: 'role', fromValue: current.role, toValue: changes.role });
  if (changes.organisationId !== undefined && changes.organisationId !== current.organisationId) {
    history.push({ ...on, kind: 'UPDATED', field: 'organisation', fromValue: await organisationLabels(tx, [current.organisationId]), toValue: await organisationLabels(tx, [changes.organisationId]) });
  }
  if (changes.active !== undefined && changes.active !== current.active) {
    history.push({ ...on, kind: 'UPDATED', field: 'active', fromValue: String(current.active), toValue: String(changes.active) });
  }
  // The password itself never reaches history or logs.
  if (changes.password !== undefined) history.push({ ...on, kind: 'UPDATED', field: 'password', comment: 'password set' });
  if (history.length === 0) throw badUserInput('Nothing to change: every value given is the current one.');
  const role = changes.role ?? current.role;
  await checkOrganisationForRole(tx, role, changes.organisationId !== undefined ? changes.organisationId : current.organisationId);
  const stopsBeingAdministrator = current.role === 'ADMINISTRATOR' && current.active && (role !== 'ADMINISTRATOR' || changes.active === false);
  if (stopsBeingAdministrator && (await tx.user.count({ where: { role: 'ADMINISTRATOR', active: true } })) <= 1) {
    throw badField(['role'], 'this is the last active administrator: make someone else an administrator first');
  }
  const { count } = await tx.user.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      name: changes.name,
      role: changes.role,
      organisationId: changes.organisationId,
      active: changes.active,
      passwordHash: changes.password === undefined ? undefined : await hashPassword(changes.password),
      version: { increment: 1 },
    },
  });
  expectUpdated(count, 'The user');
  // Sessions and tokens kept in memory carry the user's role and organisation.
  forgetAllAccessAtCommit();
  // A deactivated user, or one whose password or role changed, signs in again.
  if (changes.active === false || changes.password !== undefined || (changes.role !== undefined && changes.role !== current.role)) {
    await tx.session.deleteMany({ where: { userId: input.id } });
  }
  // A deactivated user's API tokens are revoked, not just paused: reactivating the account does
  // not bring back scripts' access (they get new tokens). A new password leaves tokens working.
  if (changes.active === false && current.active) {
    const tokens = await tx.apiToken.findMany({ where: { userId: input.id, revokedAt: null }, select: { id: true, name: true } });
    await tx.apiToken.updateMany({ where: { id: { in: tokens.map((token) => token.id) } }, data: { revokedAt: new Date() } });
    // Listed before the change to the account, so its page (newest first) reads the deactivation, then what it did.
    history.unshift(
      ...tokens.map((token) => ({ kind: 'DELETED' as const, subject: 'API_TOKEN' as const, subjectId: token.id, accountId: input.id, fromValue: token.name, comment: 'revoked: its user was deactivated' })),
    );
  }
  await recordHistory(tx, actor, history);
  return input.id;
}

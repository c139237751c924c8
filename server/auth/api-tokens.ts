import type { TransactionClient } from '../db/client.ts';
import { prisma } from '../db/client.ts';
import { cachedAccess, forgetAccess, forgetAllAccessAtCommit } from './access-cache.ts';
import type { ApiTokenAccess } from '../db/generated/prisma/enums.ts';
import { authorize, type Actor } from '../domain/actor.ts';
import { recordHistory } from '../domain/history.ts';
import { can } from '../domain/permissions.ts';
import { badField, notFound } from '../errors.ts';
import { API_TOKEN_PREFIX, hashSecret, newApiToken } from './secrets.ts';

/** Creates a named token for a user; the secret is returned this once and stored only as a hash. */
export async function createApiToken(
  tx: TransactionClient,
  actor: Actor,
  input: { userId: number; name: string; access: ApiTokenAccess; expiresAt?: Date | null },
): Promise<{ id: number; secret: string }> {
  // Only administrators make tokens for others, and a token cannot make another: it would let
  // a script outlive the credentials it was given (domain/permissions.ts).
  authorize(actor, 'manageApiToken', { userId: input.userId });
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badField(['expiresAt'], 'the expiry date must be in the future');
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw notFound('The user');
  const { token, prefix } = newApiToken();
  const row = await tx.apiToken.create({
    data: { userId: input.userId, name: input.name, prefix, secretHash: hashSecret(token), access: input.access, expiresAt: input.expiresAt },
    select: { id: true },
  });
  await recordHistory(tx, actor, { kind: 'CREATED', subject: 'API_TOKEN', subjectId: row.id, accountId: input.userId, toValue: `${input.name} (${input.access})` });
  return { id: row.id, secret: token };
}

export async function revokeApiToken(tx: TransactionClient, actor: Actor, id: number): Promise<number> {
  const token = await tx.apiToken.findUnique({ where: { id } });
  // Someone else's token is not found, as when reading it: a refusal would tell that it exists.
  if (!token || !can(actor, 'readAccount', { userId: token.userId })) throw notFound('The API token');
  authorize(actor, 'manageApiToken', { userId: token.userId });
  if (token.revokedAt) throw badField(['id'], 'the token is already revoked');
  await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  forgetAllAccessAtCommit();
  await recordHistory(tx, actor, { kind: 'DELETED', subject: 'API_TOKEN', subjectId: id, accountId: token.userId, fromValue: token.name, comment: 'revoked' });
  return id;
}

/** The token a script sent, if it is valid: not revoked, not expired, and its user active. */
export async function findApiToken(token: string) {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const secretHash = hashSecret(token);
  // Kept for a few seconds, as sessions are (access-cache.ts).
  const key = `token ${secretHash}`;
  const row = await cachedAccess(key, () =>
    prisma.apiToken.findUnique({ where: { secretHash }, include: { user: { include: { organisation: { select: { path: true } } } } } }),
  );
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now()) || !row.user.active) return null;
  // Last use is recorded, at most once a minute, so listing shows which tokens are alive.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    forgetAccess(key);
  }
  return row;
}

import { prisma } from '../db/client.ts';
import { cachedAccess, forgetAccess } from './access-cache.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a session lasts without use; each use within that time extends it. */
export const SESSION_IDLE_HOURS = 8;
/** The longest a session lasts however much it is used. */
export const SESSION_MAX_HOURS = 24;
const HOUR = 3_600_000;

export type StartedSession = { secret: string; expiresAt: Date };

/** Starts a session for a user; the secret goes in the cookie, its hash in the database. */
export async function startSession(userId: number): Promise<StartedSession> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_IDLE_HOURS * HOUR);
  await prisma.session.create({ data: { userId, secretHash: hashSecret(secret), expiresAt } });
  return { secret, expiresAt };
}

/** The signed-in user of a cookie's secret, or null when the session has ended or expired. */
export async function findSession(secret: string) {
  const secretHash = hashSecret(secret);
  // Kept for a few seconds (access-cache.ts): an ended session or a deactivated user is refused
  // from the moment the change commits in this process, and within those seconds in others.
  const key = `session ${secretHash}`;
  const session = await cachedAccess(key, () =>
    prisma.session.findUnique({ where: { secretHash }, include: { user: { include: { organisation: { select: { path: true } } } } } }),
  );
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return null;
  // Sliding expiry, written at most every few minutes rather than on every request.
  if (now - session.lastSeenAt.getTime() > 5 * 60_000) {
    const expiresAt = new Date(Math.min(now + SESSION_IDLE_HOURS * HOUR, session.createdAt.getTime() + SESSION_MAX_HOURS * HOUR));
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now), expiresAt } });
    forgetAccess(key);
  }
  return session;
}

/** Ends a session on the server: its cookie is worthless from now on. */
export async function endSession(secret: string): Promise<boolean> {
  const secretHash = hashSecret(secret);
  const { count } = await prisma.session.deleteMany({ where: { secretHash } });
  forgetAccess(`session ${secretHash}`);
  return count > 0;
}

/** Removes expired sessions; run now and then. */
export async function removeExpiredSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}

import { inTransaction, prisma } from '../db/client.ts';
import { unauthenticated } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';

/**
 * Sign-in with the limits on guessing: failures are counted per account and
 * per address over a window; after a few they are slowed, after more they are
 * refused until enough of them are older than the window. Unknown accounts are
 * counted and answered exactly like known ones, so nothing tells whether an
 * account exists.
 *
 * An attempt takes its place in the count before its password is checked, in a
 * transaction that holds the account's and the address's locks: a burst of
 * attempts at once is counted one by one, and at most the limit of them are
 * ever checked. It counts as a failure until its password proves right.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SLOW_AFTER_FAILURES = 3;
export const REFUSE_AFTER_ACCOUNT_FAILURES = 10;
export const REFUSE_AFTER_ADDRESS_FAILURES = 50;
const MAX_DELAY_MS = 4_000;
const WINDOW_MS = SIGN_IN_WINDOW_MINUTES * 60_000;

const WRONG = 'The email or password is not right.';
// Verified against when there is no such account, so both take as long.
const decoyHash = hashPassword('decoy password that matches nothing');

export type SignInResult = { userId: number };

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return `${count} minute${count === 1 ? '' : 's'}`;
}

function tooMany(retryAfterSeconds: number) {
  const error = unauthenticated(`Too many failed sign-ins. Try again in ${minutes(retryAfterSeconds)}.`);
  error.extensions.retryAfter = retryAfterSeconds;
  return error;
}

/**
 * When failures at these times (oldest first) fall below `limit` within the window: the one that
 * must leave the window for that is the (n - limit + 1)th oldest.
 */
function secondsUntilBelow(failures: Date[], limit: number, now: number): number {
  const leaving = failures[failures.length - limit];
  return leaving ? Math.max(1, Math.ceil((leaving.getTime() + WINDOW_MS - now) / 1000)) : 0;
}

/** Takes this attempt's place in the counts, or refuses it; returns the attempt and the account's earlier failures. */
async function reserveAttempt(email: string, address: string): Promise<{ id: number; failuresBefore: number }> {
  return inTransaction(async (tx) => {
    // One attempt at a time per account and per address, always in this order (no deadlock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in account ${email}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in address ${address}`}))`;
    const now = Date.now();
    const since = new Date(now - WINDOW_MS);
    const failed = { succeeded: false, createdAt: { gte: since } };
    const [byAccount, byAddress] = await Promise.all([
      tx.loginAttempt.findMany({ where: { email, ...failed }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
      tx.loginAttempt.findMany({ where: { address, ...failed }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    ]);
    const wait = Math.max(
      byAccount.length >= REFUSE_AFTER_ACCOUNT_FAILURES ? secondsUntilBelow(byAccount.map((a) => a.createdAt), REFUSE_AFTER_ACCOUNT_FAILURES, now) : 0,
      byAddress.length >= REFUSE_AFTER_ADDRESS_FAILURES ? secondsUntilBelow(byAddress.map((a) => a.createdAt), REFUSE_AFTER_ADDRESS_FAILURES, now) : 0,
    );
    if (wait > 0) throw tooMany(wait);
    const attempt = await tx.loginAttempt.create({ data: { email, address, succeeded: false }, select: { id: true } });
    return { id: attempt.id, failuresBefore: byAccount.length };
    // Sign-in attempts are none of the records: nothing kept in memory is out of date.
  }, { changesRecords: false });
}

export async function signIn(emailTyped: string, password: string, address: string, sleep = delay): Promise<SignInResult> {
  const email = emailTyped.trim().toLowerCase();
  const attempt = await reserveAttempt(email, address);
  if (attempt.failuresBefore >= SLOW_AFTER_FAILURES) {
    await sleep(Math.min(MAX_DELAY_MS, 500 * 2 ** (attempt.failuresBefore - SLOW_AFTER_FAILURES)));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !user.active || !matches) throw unauthenticated(WRONG);
  await prisma.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  await prisma.user.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
  return { userId: user.id };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Forgets attempts older than the window; run now and then. */
export async function removeOldSignInAttempts(): Promise<number> {
  const { count } = await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } } });
  return count;
}

import { prisma } from '../db/client.ts';
import { unauthenticated } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';

/**
 * Sign-in with the limits on guessing: failures are counted per account and
 * per address over a window; after a few they are slowed, after more they are
 * refused for a while. Unknown accounts are counted and answered exactly like
 * known ones, so nothing tells whether an account exists.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SLOW_AFTER_FAILURES = 3;
export const REFUSE_AFTER_ACCOUNT_FAILURES = 10;
export const REFUSE_AFTER_ADDRESS_FAILURES = 50;
const MAX_DELAY_MS = 4_000;

const WRONG = 'The email or password is not right.';
// Verified against when there is no such account, so both take as long.
const decoyHash = hashPassword('decoy password that matches nothing');

export type SignInResult = { userId: number };

function tooMany(retryAfterSeconds: number) {
  const error = unauthenticated(`Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  error.extensions.retryAfter = retryAfterSeconds;
  return error;
}

export async function signIn(emailTyped: string, password: string, address: string, sleep = delay): Promise<SignInResult> {
  const email = emailTyped.trim().toLowerCase();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.findMany({ where: { email, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    prisma.loginAttempt.count({ where: { address, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount.length >= REFUSE_AFTER_ACCOUNT_FAILURES || byAddress >= REFUSE_AFTER_ADDRESS_FAILURES) {
    const oldest = byAccount[0]?.createdAt ?? since;
    throw tooMany(Math.max(60, Math.round((oldest.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000)));
  }
  if (byAccount.length >= SLOW_AFTER_FAILURES) {
    await sleep(Math.min(MAX_DELAY_MS, 500 * 2 ** (byAccount.length - SLOW_AFTER_FAILURES)));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  const succeeded = Boolean(user && user.active && matches);
  await prisma.loginAttempt.create({ data: { email, address, succeeded } });
  if (!succeeded || !user) throw unauthenticated(WRONG);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
  return { userId: user.id };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Forgets attempts older than the window; run now and then. */
export async function removeOldSignInAttempts(): Promise<number> {
  const { count } = await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000) } } });
  return count;
}

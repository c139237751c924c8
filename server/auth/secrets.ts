import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session and API-token secrets: 32 random bytes, sent to the client once and
 * stored only as a SHA-256 hash. (A fast hash suits secrets with 256 bits of
 * entropy; passwords, which people choose, use scrypt: see password.ts.)
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a secret a client sent with the expected one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** API tokens say what they are, so a leaked one is easy to recognise and scan for. */
export const API_TOKEN_PREFIX = 'trk_';

export function newApiToken(): { token: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

import { LRUCache } from 'lru-cache';
import { transactionScope } from '../db/transaction-scope.ts';

/**
 * How long a session or API token read from the database is trusted without reading it again.
 * A change made by this process (signing out, a revoked token, a deactivated user, a moved
 * organisation) is seen at once; one made through another server process on the same database,
 * or straight in the database, within this time.
 */
export const ACCESS_CACHE_MS = 5_000;

const kept = new LRUCache<string, { row: Promise<unknown> }>({ max: 10_000, ttl: ACCESS_CACHE_MS });

/**
 * A session or token by its secret's hash, read at most once per ACCESS_CACHE_MS: every request
 * would otherwise begin with this read. Only rows found are kept (a made-up secret is read each
 * time, and cannot push real ones out for long).
 */
export async function cachedAccess<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
  const entry = kept.get(key);
  if (entry) return entry.row as Promise<T>;
  const row = load();
  kept.set(key, { row });
  const found = await row.catch((error: unknown) => {
    kept.delete(key);
    throw error;
  });
  if (found === null && kept.get(key)?.row === row) kept.delete(key);
  return found;
}

/** Reads this session or token afresh next time (it was just written). */
export function forgetAccess(key: string): void {
  kept.delete(key);
}

/**
 * Reads every session and token afresh from the moment the current transaction commits (or at
 * once, outside one): who may do what has changed for people who may be signed in now.
 */
export function forgetAllAccessAtCommit(): void {
  const scope = transactionScope.getStore();
  if (scope) scope.afterCommit.push(() => kept.clear());
  else kept.clear();
}

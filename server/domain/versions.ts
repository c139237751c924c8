import { notFound, staleVersion } from '../errors.ts';

/**
 * Optimistic concurrency: every update names the version the client read.
 * `current` is the row as read in the transaction; the update itself must also
 * match on the version (updateMany with `version` in its where), and a count of
 * zero there means someone committed in between.
 */
export function checkVersion<T extends { version: number }>(current: T | null, version: number, what: string): T {
  if (!current) throw notFound(what);
  if (current.version !== version) throw staleVersion(what, current.version);
  return current;
}

export function expectUpdated(count: number, what: string): void {
  if (count !== 1) throw staleVersion(what);
}

import { Prisma } from '../db/generated/prisma/client.ts';
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

/**
 * An update that returns the row, matching on the version in its where: no row
 * to update (Prisma's P2025) means someone committed in between.
 */
export async function updatedRow<T>(update: Promise<T>, what: string): Promise<T> {
  try {
    return await update;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw staleVersion(what);
    throw error;
  }
}

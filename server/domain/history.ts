import type { TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { Actor } from './actor.ts';

export type HistoryEntry = Omit<Prisma.HistoryEventUncheckedCreateInput, 'id' | 'actorId' | 'apiTokenId' | 'createdAt'>;

/**
 * Writes immutable history events for a change, in the transaction of the change
 * itself, naming the person (and the API token, when a script acted).
 */
export async function recordHistory(tx: TransactionClient, actor: Actor, entries: HistoryEntry | HistoryEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.historyEvent.createMany({
    data: list.map((entry) => ({ ...entry, actorId: actor.userId, apiTokenId: actor.apiTokenId })),
  });
}

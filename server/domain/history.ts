import type { TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { HistorySubject } from '../db/generated/prisma/enums.ts';
import type { Actor } from './actor.ts';

type HistoryFields = Omit<Prisma.HistoryEventUncheckedCreateInput, 'id' | 'actorId' | 'apiTokenId' | 'createdAt' | 'accountId' | 'subject'>;

/** One change to record: a change to an API token names the token's owner (see accountOfChange). */
export type HistoryEntry =
  | (HistoryFields & { subject: Exclude<HistorySubject, 'API_TOKEN'>; accountId?: never })
  | (HistoryFields & { subject: 'API_TOKEN'; accountId: number });

/**
 * The account a change concerns, whose owner (and administrators) may read it (visibility.ts):
 * the user changed, or the owner of the API token changed, whoever made the change. Null for a
 * change to the records, which every signed-in caller reads.
 */
export function accountOfChange(entry: { subject: HistorySubject; subjectId: number; accountId?: number | null }): number | null {
  if (entry.subject === 'USER') return entry.subjectId;
  if (entry.subject !== 'API_TOKEN') return null;
  // Not the actor's: an administrator makes and revokes tokens for others.
  if (entry.accountId == null) throw new Error('A change to an API token must name the token’s owner (accountId).');
  return entry.accountId;
}

/**
 * Writes immutable history events for a change, in the transaction of the change
 * itself, naming the person (and the API token, when a script acted).
 */
export async function recordHistory(tx: TransactionClient, actor: Actor, entries: HistoryEntry | HistoryEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.historyEvent.createMany({
    data: list.map((entry) => ({ ...entry, accountId: accountOfChange(entry), actorId: actor.userId, apiTokenId: actor.apiTokenId })),
  });
}

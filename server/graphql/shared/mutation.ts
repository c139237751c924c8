import { inTransaction, type TransactionClient } from '../../db/client.ts';
import { requireActor, type Actor } from '../../domain/actor.ts';
import { markCommitted } from '../../db/operation-scope.ts';
import type { Context } from '../context.ts';

/**
 * Runs a domain write for the acting user in one transaction: the change and
 * its history commit together or not at all.
 */
export async function write<T>(context: Context, work: (tx: TransactionClient, actor: Actor) => Promise<T>): Promise<T> {
  const actor = requireActor(context.actor);
  const result = await inTransaction((tx) => work(tx, actor));
  // Committed: the operation is now answered, however late (db/operation-scope.ts).
  markCommitted();
  return result;
}

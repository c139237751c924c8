import type { TransactionClient } from '../db/client.ts';
import { badField } from '../errors.ts';

/**
 * Refuses ids that name no organisation, as bad input on `field`: one query
 * however many ids (repeats count once).
 */
export async function checkOrganisations(tx: TransactionClient, ids: number[], field: (string | number)[], message = 'no such organisation'): Promise<void> {
  const found = await tx.organisation.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw badField(field, message);
}

/** Refuses ids that name no theme, as bad input on `field`. */
export async function checkThemes(tx: TransactionClient, ids: number[], field: (string | number)[], message = 'no such theme'): Promise<void> {
  const found = await tx.theme.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw badField(field, message);
}

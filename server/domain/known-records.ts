import type { TransactionClient } from '../db/client.ts';
import { badField } from '../errors.ts';

/**
 * Refuses ids that name no organisation, as bad input on `field`: one query
 * however many ids (repeats count once). With `active`, refuses an inactive
 * organisation too: it takes no new work (owning, being addressed).
 */
export async function checkOrganisations(
  tx: TransactionClient,
  ids: number[],
  field: (string | number)[],
  { message = 'no such organisation', active = false }: { message?: string; active?: boolean } = {},
): Promise<void> {
  const found = await tx.organisation.findMany({ where: { id: { in: ids } }, select: { active: true } });
  if (found.length !== new Set(ids).size) throw badField(field, message);
  if (active && found.some((organisation) => !organisation.active)) throw badField(field, 'the organisation is inactive and takes no new work');
}

/** Refuses ids that name no theme, as bad input on `field`. */
export async function checkThemes(tx: TransactionClient, ids: number[], field: (string | number)[], message = 'no such theme'): Promise<void> {
  const found = await tx.theme.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw badField(field, message);
}

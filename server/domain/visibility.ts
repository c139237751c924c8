import type { Prisma } from '../db/generated/prisma/client.ts';
import type { HistorySubject } from '../db/generated/prisma/enums.ts';
import type { Actor } from './actor.ts';
import { can } from './permissions.ts';

/**
 * The reading rules of permissions.ts that depend on the row, as the schema asks them of one
 * object and as Prisma filters for lists and lookups by id: the same rule both ways, so a list
 * never shows what the object's own check would refuse, nor `node` find what a list hides.
 * Everything not named here (the records) is for every signed-in caller.
 */

/** Changes to people's accounts and their tokens, as opposed to the records. */
const ACCOUNT_SUBJECTS: HistorySubject[] = ['USER', 'API_TOKEN'];

/** Whether the caller may read every account: administrators. */
export const readsEveryAccount = (actor: Actor | null) => can(actor, 'readAccount', { userId: null });

/** An API token: its owner's, or an administrator's to see. */
export function mayReadApiToken(actor: Actor | null, token: { userId: number }): boolean {
  return can(actor, 'readAccount', { userId: token.userId });
}

export function visibleApiTokens(actor: Actor | null): Prisma.ApiTokenWhereInput {
  if (readsEveryAccount(actor)) return {};
  return { userId: actor?.userId ?? -1 };
}

/** A change to the records is for every signed-in caller; a change to an account (history.ts's accountOfChange), for its owner and administrators. */
export function mayReadHistoryEvent(actor: Actor | null, event: { subject: HistorySubject; accountId: number | null }): boolean {
  if (!ACCOUNT_SUBJECTS.includes(event.subject)) return can(actor, 'readRecords');
  return event.accountId !== null && can(actor, 'readAccount', { userId: event.accountId });
}

export function visibleHistory(actor: Actor | null): Prisma.HistoryEventWhereInput {
  if (readsEveryAccount(actor)) return {};
  const own = actor?.userId ?? -1;
  return {
    OR: [{ subject: { notIn: ACCOUNT_SUBJECTS } }, { subject: { in: ACCOUNT_SUBJECTS }, accountId: own }],
  };
}

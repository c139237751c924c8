import type { Role } from '../db/generated/prisma/enums.ts';
import { conflict, forbidden, unauthenticated } from '../errors.ts';
import { readableDay } from './locale.ts';
import { can, closedByWithdrawal, type Action, type Target } from './permissions.ts';

/** Who is acting: a signed-in person, or a script using one of that person's API tokens. */
export type Actor = {
  userId: number;
  role: Role;
  organisationId: number | null;
  /** The path of their organisation: leaders act within it (see organisation-tree.ts). */
  organisationPath: string | null;
  /** The API token a script used; null for a person signed in. */
  apiTokenId: number | null;
  /** What the credentials allow: a read-only token never writes, whatever its user may do. */
  access: 'READ' | 'READ_WRITE';
};

/** Every write names who did it; there is no default user. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/**
 * Refuses an action on the target (a record's organisation, an account) unless the actor may take it.
 * Someone who could take it but for the recommendation's withdrawal is told that, as a CONFLICT with
 * the record's state (anyone who reads it sees it withdrawn), not as a lack of rights.
 */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (can(actor, action, target)) return;
  if (closedByWithdrawal(action, target) && can(actor, action, { ...target, withdrawnAt: null })) throw withdrawnRefusal(target!.withdrawnAt!);
  throw forbidden();
}

/** Final, unlike a stale version: reading the record again would not let the write through. */
function withdrawnRefusal(on: Date) {
  return conflict(
    `This recommendation was withdrawn on ${readableDay(on)}; it takes no new work: its status, responses, action plan, ` +
      'evidence, verdicts, priority and details stay as they were. Its discussion stays open.',
  );
}

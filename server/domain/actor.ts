import type { Role } from '../db/generated/prisma/enums.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import { can, type Action, type Target } from './permissions.ts';

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

/** Refuses an action on the target (a record's organisation, an account) unless the actor may take it. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (!can(actor, action, target)) throw forbidden();
}

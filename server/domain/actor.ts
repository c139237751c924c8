import type { Role } from '../db/generated/prisma/enums.ts';
import { unauthenticated } from '../errors.ts';

/** Who is acting: a signed-in person, or a script using one of that person's API tokens. */
export type Actor = {
  userId: number;
  role: Role;
  organisationId: number | null;
  apiTokenId: number | null;
};

/** Every write names who did it; there is no default user. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

import type { Role } from '../db/generated/prisma/enums.ts';

/** Who is acting: a signed-in person, or a script with one of that person's API tokens. */
export type Actor = {
  userId: number;
  role: Role;
  organisationId: number | null;
  apiTokenId: number | null;
};

export type Context = {
  actor: Actor | null;
};

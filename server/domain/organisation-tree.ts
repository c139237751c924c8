import type { Prisma } from '../db/generated/prisma/client.ts';

/** One segment of an organisation path: its id, zero-padded so paths sort in tree order. */
export function pathSegment(organisationId: number): string {
  return `/${String(organisationId).padStart(10, '0')}/`;
}

/**
 * An organisation and everything under it. Paths hold every ancestor's id, so
 * "within 3" is a match on its segment, with no tree walk.
 */
export function withinOrganisation(organisationId: number, includeDescendants = true): Prisma.OrganisationWhereInput {
  return includeDescendants ? { path: { contains: pathSegment(organisationId) } } : { id: organisationId };
}

/** The ids of the organisations above one, its parent first, read from its path (which ends with its own). */
export function ancestorsOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).slice(0, -1).reverse();
}

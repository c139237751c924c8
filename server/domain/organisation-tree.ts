import type { Prisma } from '../db/generated/prisma/client.ts';

/**
 * An organisation and everything under it. Paths hold every ancestor's id
 * ("/1/3/7/"), so "within 3" is a match on "/3/" with no tree walk.
 */
export function withinOrganisation(organisationId: number, includeDescendants = true): Prisma.OrganisationWhereInput {
  return includeDescendants ? { path: { contains: `/${organisationId}/` } } : { id: organisationId };
}

import type { GraphQLResolveInfo } from 'graphql';

/**
 * Checks the schema makes of itself while it runs, on outside production: a Prisma query
 * prepared for a field and then not used means a resolver loads what it was not asked for (or
 * loads it twice). Set from the server's configuration (createApollo), never from the process's
 * environment, which building the admin app would change.
 */
let strict = true;

export function setStrictSchemaChecks(on: boolean): void {
  strict = on;
}

export function reportUnusedQuery(info: GraphQLResolveInfo): void {
  if (strict) throw new Error(`Prisma query was unused in resolver for ${info.parentType.name}.${info.fieldName}`);
}

import { complexityFromQuery } from '@pothos/plugin-complexity';
import { Kind, parse } from 'graphql';
import { costLimit } from './cost.ts';
import { LIMITS } from './limits.ts';
import { schema } from './schema.ts';

/** An operation estimated to cost more than this share of the limit is heavy. */
export const HEAVY_SHARE = 0.2;

/**
 * Whether a request's operation (its body, or a GET's query string) is heavy, from its estimated
 * cost (cost.ts), before it runs: the operation queue keeps turns for the others. A request that
 * cannot be read or costed is light; GraphQL will refuse it quickly.
 */
export function isHeavyOperation(request: unknown): boolean {
  const { query, variables, operationName } = (request ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const parsed = parse(query, { maxTokens: LIMITS.tokens });
    // The operation that will run: the one named, or the only one (else GraphQL refuses it).
    const operations = parsed.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const chosen = typeof operationName === 'string' ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!chosen) return false;
    const document = { ...parsed, definitions: parsed.definitions.filter((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === chosen) };
    // A GET request carries its variables as JSON in the URL.
    const values = typeof variables === 'string' ? JSON.parse(variables) : (variables ?? {});
    const cost = complexityFromQuery(document, { schema, ctx: {}, variables: values as Record<string, unknown> }).complexity;
    return cost > HEAVY_SHARE * costLimit();
  } catch {
    return false;
  }
}

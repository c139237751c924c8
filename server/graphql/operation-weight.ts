import { complexityFromQuery } from '@pothos/plugin-complexity';
import { parse } from 'graphql';
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
  const { query, variables } = (request ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, { maxTokens: LIMITS.tokens });
    // A GET request carries its variables as JSON in the URL.
    const values = typeof variables === 'string' ? JSON.parse(variables) : (variables ?? {});
    const cost = complexityFromQuery(document, { schema, ctx: {}, variables: values as Record<string, unknown> }).complexity;
    return cost > HEAVY_SHARE * costLimit();
  } catch {
    return false;
  }
}

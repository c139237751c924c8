import { complexityFromQuery } from '@pothos/plugin-complexity';
import { parse } from 'graphql';
import { costLimit } from './cost.ts';
import { LIMITS } from './limits.ts';
import { schema } from './schema.ts';

/** An operation estimated to cost more than this share of the limit is heavy. */
export const HEAVY_SHARE = 0.2;

/**
 * Whether a request's operation is heavy, from its estimated cost (cost.ts), before it runs: the
 * operation queue keeps turns for the others. A request that cannot be read or costed is light;
 * GraphQL will refuse it quickly.
 */
export function isHeavyOperation(body: unknown): boolean {
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, { maxTokens: LIMITS.tokens });
    const cost = complexityFromQuery(document, { schema, ctx: {}, variables: (variables ?? {}) as Record<string, unknown> }).complexity;
    return cost > HEAVY_SHARE * costLimit();
  } catch {
    return false;
  }
}

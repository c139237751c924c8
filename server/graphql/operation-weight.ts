import { complexityFromQuery } from '@pothos/plugin-complexity';
import { Kind, parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { costLimit, type OperationCost } from './cost.ts';
import { LIMITS } from './limits.ts';
import { schema } from './schema.ts';

/** An operation estimated to cost more than this share of the limit is heavy. */
export const HEAVY_SHARE = 0.2;

/**
 * Documents parsed before, by their text: the screens and scripts send the same few again and
 * again, and a request's operation is costed before Apollo parses it (from its own cache). Bounded
 * by the texts' size, so that large made-up documents cannot hold memory.
 */
const parsed = new LRUCache<string, DocumentNode>({ maxSize: 4 * 2 ** 20, sizeCalculation: (_document, text) => Math.max(1, text.length) });

function parsedDocument(text: string): DocumentNode {
  let document = parsed.get(text);
  if (!document) {
    document = parse(text, { maxTokens: LIMITS.tokens });
    // One too large to keep is parsed each time.
    if (text.length <= parsed.maxSize / 16) parsed.set(text, document);
  }
  return document;
}

/**
 * The estimated cost of a request's operation (its body, or a GET's query string), before it runs
 * (cost.ts); null when it cannot be read or costed, which GraphQL then refuses soon enough.
 */
export function estimateOperationCost(request: unknown): OperationCost | null {
  const { query, variables, operationName } = (request ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  try {
    const whole = parsedDocument(query);
    // The operation that will run: the one named, or the only one (else GraphQL refuses it).
    const operations = whole.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const chosen = typeof operationName === 'string' ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!chosen) return null;
    const document = { ...whole, definitions: whole.definitions.filter((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === chosen) };
    // A GET request carries its variables as JSON in the URL.
    const values = typeof variables === 'string' ? JSON.parse(variables) : (variables ?? {});
    return complexityFromQuery(document, { schema, ctx: {}, variables: values as Record<string, unknown> });
  } catch {
    return null;
  }
}

/** Each HTTP request's estimate, made once: the queue judges by it, and the API checks it (builder.ts). */
const estimates = new WeakMap<object, OperationCost | null>();

/** The estimated cost of an HTTP request's operation, estimated on the first call for that request. */
export function requestCost(req: { method: string; query: unknown; body: unknown }): OperationCost | null {
  let cost = estimates.get(req);
  if (cost === undefined) {
    cost = estimateOperationCost(req.method === 'GET' ? req.query : req.body);
    estimates.set(req, cost);
  }
  return cost;
}

/**
 * Whether an HTTP request's operation is heavy, from its estimated cost: the operation queue keeps
 * turns for the others. A request that cannot be read or costed is light.
 */
export function isHeavyRequest(req: { method: string; query: unknown; body: unknown }): boolean {
  const cost = requestCost(req);
  return cost !== null && cost.complexity > HEAVY_SHARE * costLimit();
}

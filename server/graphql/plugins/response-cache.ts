import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Feed } from '../../db/change-feed.ts';
import { generationOf } from '../../db/read-cache.ts';
import { today } from '../../domain/dates.ts';
import type { Actor, Context } from '../context.ts';

/**
 * Query fields whose answers are built from the records alone, which the `records` feed announces
 * every change to (change-feed.ts). The others read sessions or API tokens (`apiTokens`, and
 * `node`/`nodes`, which can answer an API token), and are never kept. A new query field is in
 * neither until someone decides (test/unit/response-cache.test.ts).
 */
export const RECORD_QUERY_FIELDS: ReadonlySet<string> = new Set([
  'actionItem', 'actionItems', 'assessment', 'assessments', 'dashboard', 'evidence', 'evidenceItem', 'history', 'me',
  'organisation', 'organisations', 'recommendation', 'recommendations', 'repeatCandidates', 'report', 'reports',
  'theme', 'themes', 'user', 'users', '__typename',
]);
export const OTHER_QUERY_FIELDS: ReadonlySet<string> = new Set(['apiTokens', 'node', 'nodes', 'permissions']);

/**
 * How long an answer may be kept at most: the records' changes end it at once, but a few fields
 * count from the clock (days since an update), and those may lag this much.
 */
export const MAX_AGE_SECONDS = 60;

const KEYED_FEEDS: Feed[] = ['records', 'organisations', 'reports'];

/**
 * What a kept answer is filed under besides the operation and its variables: where the records
 * (and the organisations and reports beneath them) stood, the day, and everything about the
 * caller that decides what they may see. Null when the
 * answer may not be kept: not a query of the records alone, nobody signed in, or changes to the
 * records cannot be heard (then nothing is served from memory).
 */
export function responseKeyOf(request: GraphQLRequestContext<Context>): string | null {
  const { actor } = request.contextValue;
  if (!actor || !request.operation || !readsRecordsOnly(request.operation)) return null;
  // Owners' names and reports' titles are kept beneath, until their own feeds move (query-feeds.ts).
  const feeds = generationOf(KEYED_FEEDS);
  if (feeds === null) return null;
  // Every field of the caller: a field added to Actor and left out here fails to compile.
  const caller: Required<Actor> = {
    userId: actor.userId,
    role: actor.role,
    organisationId: actor.organisationId,
    organisationPath: actor.organisationPath,
    apiTokenId: actor.apiTokenId,
    access: actor.access,
  };
  return JSON.stringify([feeds, today().getTime(), caller]);
}

function readsRecordsOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && RECORD_QUERY_FIELDS.has(selection.name.value))
  );
}

/**
 * Whole answers to queries of the records, kept in memory per caller until the records change:
 * a page read again, by the same person, costs neither SQL nor execution. Apollo's response cache
 * keeps and serves them; this decides which may be kept and under what key. Every answer is
 * private to its caller, and an answer with errors is never kept.
 */
export function responseCache(maxBytes: number): ApolloServerPlugin<Context>[] {
  if (maxBytes <= 0) return [];
  const keys = new WeakMap<GraphQLRequestContext<Context>['request'], string>();
  const keyOf = (request: GraphQLRequestContext<Context>) => keys.get(request.request) ?? null;
  return [
    {
      async requestDidStart() {
        return {
          // Before Apollo's plugin looks for a kept answer: it files answers under the session id.
          async didResolveOperation(request) {
            const key = responseKeyOf(request);
            if (key === null) return;
            keys.set(request.request, key);
            request.overallCachePolicy.replace({ maxAge: MAX_AGE_SECONDS, scope: 'PRIVATE' });
          },
        };
      },
    },
    responseCachePlugin<Context>({
      cache: new InMemoryLRUCache({ maxSize: maxBytes }),
      // Private to the caller, and the key in every lookup the plugin makes, private or not.
      sessionId: async (request) => keyOf(request),
      extraCacheKeyData: async (request) => keyOf(request),
      shouldReadFromCache: async (request) => keyOf(request) !== null,
    }),
  ];
}

import SchemaBuilder from '@pothos/core';
import ComplexityPlugin, { ComplexityErrorKind } from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import './plugins/sync-global-id.ts';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import LoadedColumnsPlugin from './plugins/loaded-columns.ts';
import ValidationPlugin from '@pothos/plugin-validation';
import { prisma } from '../db/client.ts';
import type PrismaTypes from '../db/generated/pothos-types.ts';
import { getDatamodel } from '../db/generated/pothos-types.ts';
import { canAtAll, type Action } from '../domain/permissions.ts';
import { badUserInput, forbidden, unauthenticated } from '../errors.ts';
import type { Context } from './context.ts';
import { fieldCost, operationLimits, withinLimits } from './cost.ts';
import { reportUnusedQuery } from './schema-checks.ts';
import { decodeNodeId, encodeNodeId } from './shared/ids.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** Everyone, signed in or not: for signing in and out, and asking who you are. */
    anyone: boolean;
    /** The caller may take this action on something (domain/permissions.ts decides). */
    may: Action;
  };
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Scope auth first: no other plugin's work (validation included) runs for a caller who may not call.
  // Loaded columns just before Prisma: it answers columns the row holds without Prisma's per-row wrapper.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, LoadedColumnsPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  complexity: {
    // What each field costs in microseconds of work, from measurements (cost.ts).
    fieldComplexity: fieldCost,
    // An operation estimated within the limits before it was queued (operation-weight.ts, with the
    // same fields' costs and variables) is not estimated again: a second walk of the whole selection,
    // argument values included, was 3% of a list's time.
    limit: (context) => (context.estimatedCost && withinLimits(context.estimatedCost) ? {} : operationLimits()),
    complexityError: (kind, result) => {
      if (kind === ComplexityErrorKind.Complexity) {
        const [cost, limit] = [result.complexity, result.maxComplexity ?? 0].map((us) => Math.ceil(us / 1000));
        return badUserInput(
          `The query is too costly: about ${cost} ms of work where at most ${limit} ms is allowed. Ask for smaller pages, fewer lists or fewer aliases, or split it.`,
        );
      }
      const [what, value, max] = kind === ComplexityErrorKind.Depth ? ['deep', result.depth, result.maxDepth] : ['broad', result.breadth, result.maxBreadth];
      return badUserInput(`The query is too ${what}: ${value} where at most ${max} is allowed.`);
    },
  },
  scopeAuth: {
    // One vocabulary: a scope is a domain action, decided by the domain's own rule.
    authScopes: ({ actor }) => ({
      anyone: true,
      may: (action) => canAtAll(actor, action),
    }),
    unauthorizedError: (_parent, context) => (context.actor ? forbidden() : unauthenticated()),
  },
  prisma: {
    // A function, so the client connected at start (or per test file) is used.
    client: () => prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: reportUnusedQuery,
  },
  relay: {
    decodeGlobalID: decodeNodeId,
    encodeGlobalID: encodeNodeId,
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Any object by its global id.', args: { id: { description: 'A global id.' } } },
    nodesQueryOptions: {
      description: 'Objects by their global ids, in the same order.',
      args: { ids: { description: 'Global ids.' } },
    },
  },
  validation: {
    // zod's issues become one BAD_USER_INPUT error naming each field and why.
    validationError: (failure) => {
      const fields = failure.issues.map((issue) => ({
        path: (issue.path ?? []).map((segment) =>
          typeof segment === 'object' ? (segment.key as string | number) : (segment as string | number),
        ),
        message: issue.message,
      }));
      return badUserInput(
        fields.map((field) => (field.path.length ? `${field.path.join('.')}: ${field.message}` : field.message)).join('; '),
        fields,
      );
    },
  },
});

// Secure by default: every read needs a signed-in user or a token (fields that must not, say so).
builder.queryType({
  description: 'Reads. Lists are Relay connections with a total count. Every read needs a session or an API token.',
  authScopes: { may: 'readRecords' },
});
builder.mutationType({
  description: 'Writes. Each one is authorised, validated, leaves a history event in the same transaction, and refuses a stale version.',
});

import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { prisma } from '../db/client.ts';
import type PrismaTypes from '../db/generated/pothos-types.ts';
import { getDatamodel } from '../db/generated/pothos-types.ts';
import { badUserInput } from '../errors.ts';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin, ValidationPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  prisma: {
    // A function, so the client connected at start (or per test file) is used.
    client: () => prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
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

builder.queryType({ description: 'Reads. Lists are Relay connections with a total count.' });
builder.mutationType({
  description: 'Writes. Each one is validated, leaves a history event in the same transaction, and refuses a stale version.',
});

import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { badUserInput } from '../../errors.ts';
import type { Context } from '../context.ts';

const NUL = '\u0000';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/** Whether a document's string literals hold NUL: once per document, which Apollo keeps parsed between requests. */
const literalsWithNul = new WeakMap<DocumentNode, boolean>();
function literalsHoldNul(document: DocumentNode): boolean {
  let found = literalsWithNul.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (node.value.includes(NUL)) found = true;
      },
    });
    literalsWithNul.set(document, found);
  }
  return found;
}

/**
 * PostgreSQL text cannot hold the NUL character: a string with one would fail
 * deep in the database. It is refused up front, in variables and in literals
 * alike, as bad input (found by fuzzing).
 */
export function noNulText(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (holdsNul(request.variables) || literalsHoldNul(document)) throw badUserInput('Text must not contain the NUL character (\\u0000).');
        },
      };
    },
  };
}

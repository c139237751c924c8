import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit } from 'graphql';
import { badUserInput } from '../../errors.ts';
import type { Context } from '../context.ts';

const NUL = '\u0000';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
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
          let found = holdsNul(request.variables);
          visit(document, {
            [Kind.STRING]: (node) => {
              if (node.value.includes(NUL)) found = true;
            },
          });
          if (found) throw badUserInput('Text must not contain the NUL character (\\u0000).');
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { FieldProblem } from '../../errors.ts';
import type { Context } from '../context.ts';

/**
 * What variables may look like, checked before graphql-js reads them: it walks them recursively
 * (20,000 levels of nesting overflowed its stack) and reports every bad item of a list (50,000
 * of them, then fails). Inputs nest a few levels and lists hold ids or choices: far below these.
 */
export const VARIABLE_LIMITS = { depth: 12, listLength: 1000 };

const NUL = '\u0000';
/** In a `u` pattern a pair is one code point, so only half of one is in the surrogate category. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The first thing wrong with the variables, walked without recursion. */
export function variablesProblem(variables: unknown): FieldProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: variables, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return { path, message: 'text must not contain the NUL character (\\u0000)' };
      // Half of a UTF-16 surrogate pair is no character: UTF-8 cannot hold it, PostgreSQL would be sent a
      // replacement character instead, and in a list Prisma failed on it (found by fuzzing).
      if (LONE_SURROGATE.test(value)) return { path, message: 'text must not contain an unpaired UTF-16 surrogate (half of a character)' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= VARIABLE_LIMITS.depth) return { path, message: `nested more than ${VARIABLE_LIMITS.depth} levels deep` };
    if (Array.isArray(value)) {
      if (value.length > VARIABLE_LIMITS.listLength) return { path, message: `a list of more than ${VARIABLE_LIMITS.listLength} values` };
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
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

function refused(code: string, message: string, fields?: FieldProblem[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(fields ? { fields } : {}), http: { status: 400 } } });
}

/**
 * What a request may ask, beyond the schema's own validation, refused with 400 before it runs:
 * - a subscription: the API offers none (graphql-js would fail it at execution, as an internal error);
 * - variables past the limits above;
 * - NUL in any text, variable or literal: PostgreSQL text cannot hold it (found by fuzzing);
 * - an unpaired surrogate in a variable's text (graphql-js refuses one in a literal itself).
 */
export function requestRules(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation === 'subscription') throw refused('BAD_REQUEST', 'This API offers no subscriptions: ask with a query.');
          const problem = variablesProblem(request.variables ?? {});
          if (problem) throw refused('BAD_USER_INPUT', `$${problem.path.join('.')}: ${problem.message}`, [problem]);
          if (literalsHoldNul(document)) throw refused('BAD_USER_INPUT', 'Text must not contain the NUL character (\\u0000).');
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import { unauthenticated } from '../../errors.ts';
import type { Context } from '../context.ts';

/**
 * The schema is for people who may use the API: introspection needs a session
 * or a token, and "Did you mean …?" suggestions in validation errors are only
 * kept for them.
 */
export function schemaPrivacy(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          if (contextValue.actor) return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0) {
            throw unauthenticated('Sign in, or send an API token, to read the schema.');
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (contextValue.actor || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { message: string }).message = error.message.replace(/ ?Did you mean .*\?$/, '');
          }
        },
      };
    },
  };
}

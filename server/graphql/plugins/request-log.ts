import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.ts';
import type { Context } from '../context.ts';

/** How a GraphQL request ended, for whoever counts them (the metrics endpoint). */
export type GraphqlOutcome = { kind: string | null; durationMs: number; errorCodes: string[] };

/**
 * One JSON line per GraphQL request: operation, time taken, who, and how it
 * ended. Never variables or results: they may hold passwords and secrets.
 */
export function requestLog(log: Logger, observe?: (outcome: GraphqlOutcome) => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let operation: string | null = null;
      let kind: string | null = null;
      return {
        async didResolveOperation(request) {
          operation = request.operationName ?? null;
          kind = request.operation?.operation ?? null;
        },
        async willSendResponse({ response }) {
          // The errors as the client sees them, with the codes they were given.
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(sent.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          observe?.({ kind, durationMs, errorCodes: codes });
          log.request({
            event: 'graphql',
            operation,
            kind,
            durationMs,
            userId: contextValue.actor?.userId ?? null,
            apiTokenId: contextValue.actor?.apiTokenId ?? null,
            outcome: codes.length ? 'error' : 'ok',
            errorCodes: codes,
            status: response.http.status ?? 200,
          });
        },
      };
    },
  };
}

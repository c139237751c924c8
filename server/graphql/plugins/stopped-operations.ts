import type { ApolloServerPlugin } from '@apollo/server';
import { currentOperation, OperationStoppedError } from '../../db/operation-scope.ts';
import { RETRY_AFTER_SECONDS } from '../../http/operation-queue.ts';
import type { Context } from '../context.ts';

/** Whether the operation this code runs for was stopped at its deadline. */
export function stoppedAtDeadline(): boolean {
  const signal = currentOperation()?.signal;
  return Boolean(signal?.aborted && signal.reason instanceof OperationStoppedError && signal.reason.reason === 'deadline');
}

/**
 * An operation stopped at its deadline (http/operation-queue.ts) fails wherever its database
 * work was cut off. Its answer says so once, with the code TIMEOUT and a 503 a client may retry,
 * not with the scattered failures of each field. An answer that completed without an error is
 * sent as it is, even if the deadline passed as it was being sent.
 */
export function stoppedOperations(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length || !stoppedAtDeadline()) return;
          response.body.singleResult.data = null;
          response.body.singleResult.errors = [
            {
              message: 'The operation took too long and was stopped. Ask for smaller pages or fewer fields, or try again later.',
              extensions: { code: 'TIMEOUT' },
            },
          ];
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { currentOperation, OperationStoppedError } from '../../db/operation-scope.ts';
import { isTransientDatabaseError } from '../../db/transient-errors.ts';
import { retryLater, retryLaterCodes, RETRY_AFTER_SECONDS } from '../../errors.ts';
import type { Context } from '../context.ts';

/** Whether the operation this code runs for was stopped at its deadline (before committing a write). */
export function stoppedAtDeadline(): boolean {
  const operation = currentOperation();
  const signal = operation?.signal;
  return Boolean(signal?.aborted && !operation?.committed && signal.reason instanceof OperationStoppedError && signal.reason.reason === 'deadline');
}

const retryLaterCode = new Set<unknown>(retryLaterCodes);

const TIMEOUT_MESSAGE = 'The operation took too long and was stopped. Ask for smaller pages or fewer fields, or try again later.';

/**
 * The answer to retry later that a failure stands for, if it is one: work cut off at the
 * operation's deadline, or a database that could not do it now. For failures outside execution
 * (authenticating the request), which the plugin below does not see.
 */
export function asRetryLater(error: unknown) {
  if (stoppedAtDeadline()) return retryLater('TIMEOUT', TIMEOUT_MESSAGE);
  if (isTransientDatabaseError(error)) return retryLater('SERVER_BUSY');
  return null;
}

/**
 * Answers the server could not give now are sent with HTTP 503 and Retry-After, whatever the
 * code's source: a busy database (format-error.ts) or a deadline. An operation stopped at its
 * deadline (http/operation-queue.ts) fails wherever its database work was cut off: its answer
 * says so once, with the code TIMEOUT, not with the scattered failures of each field. An answer
 * that completed without an error is sent as it is, even if the deadline passed as it was sent.
 */
export function retryLaterAnswers(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.length) return;
          if (stoppedAtDeadline()) {
            result.data = null;
            result.errors = [
              {
                message: TIMEOUT_MESSAGE,
                extensions: { code: 'TIMEOUT' },
              },
            ];
          }
          if (result.errors.some((error) => retryLaterCode.has(error.extensions?.code))) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

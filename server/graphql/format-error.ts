import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { operationStopped } from '../db/operation-scope.ts';
import { isTransientDatabaseError } from '../db/transient-errors.ts';
import { busyMessage, errorCodes, retryLaterCodes } from '../errors.ts';

/** Codes that graphql-js and Apollo give to malformed requests: the client's fault, safe to show. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);
const knownCodes = new Set<string>([...errorCodes, ...retryLaterCodes, ...requestErrorCodes]);

/**
 * What a client sees of an error. Our own refusals and request errors pass
 * with their codes; anything else (a bug, a database failure) becomes a bare
 * INTERNAL_SERVER_ERROR, and its text goes only to the server's log.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logInternal: (error: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  const code = formatted.extensions?.code;
  if (original instanceof PothosValidationError) {
    return { message: original.message, locations, path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (typeof code === 'string' && knownCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, locations, path, extensions };
  }
  if (isTransientDatabaseError(original)) {
    return { message: busyMessage, locations, path, extensions: { code: 'SERVER_BUSY' } };
  }
  // An operation stopped at its deadline or abandoned by its client fails where its work was cut
  // off: that is no fault to report (plugins/retry-later.ts answers the deadline).
  if (!operationStopped()) logInternal(original);
  return { message: 'Internal server error', locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

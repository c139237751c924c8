import { GraphQLError } from 'graphql';

/**
 * The one place errors a client may see are made. Every refusal carries a
 * stable `extensions.code`; anything else is reported as an internal error
 * without its text (see server/graphql/format-error.ts).
 */
export const errorCodes = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * Answers the server cannot give now, with HTTP 503 and Retry-After: SERVER_BUSY when it has no
 * room for the work (a full queue, a lock or connection not free in time), TIMEOUT when the work
 * ran past its deadline. See server/graphql/plugins/retry-later.ts.
 */
export const retryLaterCodes = ['SERVER_BUSY', 'TIMEOUT'] as const;
export const busyMessage = 'The server is busy. Try again in a few seconds.';

/** An answer to retry later (see retryLaterCodes), with its HTTP status and Retry-After. */
export function retryLater(code: (typeof retryLaterCodes)[number], message = busyMessage): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/** How long a client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

export type FieldProblem = { path: (string | number)[]; message: string };

export function badUserInput(message: string, fields: FieldProblem[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields } });
}

/** One input field is wrong: says which and why. */
export function badField(path: (string | number)[], message: string): GraphQLError {
  return badUserInput(`${path.join('.')}: ${message}`, [{ path, message }]);
}

/**
 * The change meets warnings the caller asked to be shown and has not confirmed (domain/warnings.ts):
 * nothing is saved; sent again with them confirmed, it is.
 */
export function unconfirmedWarnings(warnings: { warning: string; message: string }[]): GraphQLError {
  return new GraphQLError(`Confirm to save: ${warnings.map((item) => item.message).join(' ')}`, {
    extensions: { code: 'BAD_USER_INPUT', fields: [], warnings },
  });
}

/** Why a file given to read was refused: stable, for scripts to act on (extensions.reason). */
export type FileProblem = 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_SUPPORTED' | 'FILE_UNREADABLE' | 'FILE_HAS_NO_TEXT';

/** A file that cannot be read: BAD_USER_INPUT on the `file` field, with the reason as a stable code. */
export function badFile(reason: FileProblem, message: string, path: (string | number)[] = ['file']): GraphQLError {
  return new GraphQLError(`${path.join('.')}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', reason, fields: [{ path, message }] } });
}

export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found`, { extensions: { code: 'NOT_FOUND' } });
}

/** Someone else changed the record since the client read it. */
export function staleVersion(what: string, currentVersion?: number): GraphQLError {
  return new GraphQLError(`${what} has been changed by someone else since you read it. Reload it and try again.`, {
    // `stale` tells it apart from a refusal by the rules (conflict() below): a client may offer to
    // load the current version and re-apply what the person typed.
    extensions: { code: 'CONFLICT', stale: true, ...(currentVersion === undefined ? {} : { currentVersion }) },
  });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

export function forbidden(message = 'You may not do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function unauthenticated(message = 'Sign in, or send an API token, first.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { retryLaterCodes, type ErrorCode } from '../errors.ts';
import { asRetryLater } from '../graphql/plugins/retry-later.ts';

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The HTTP status of each refusal errors.ts makes, for routes outside the API (retry-later answers carry theirs). */
const STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };
const ANSWERED = new Set<unknown>([...Object.keys(STATUS), ...retryLaterCodes]);

/**
 * A refusal (errors.ts) or an answer to retry later (a busy database, a deadline), answered as
 * the API answers it: its HTTP status, and its message and code as JSON errors. False for any
 * other failure, which is left to unexpectedErrors.
 */
export function answerRefusal(res: Response, error: unknown): boolean {
  const answer = error instanceof GraphQLError && ANSWERED.has(error.extensions.code) ? error : asRetryLater(error);
  if (!answer) return false;
  const { http, ...extensions } = answer.extensions as { code: string; http?: { status?: number; headers?: Map<string, string> } };
  for (const [name, value] of http?.headers ?? []) res.set(name, value);
  res.status(http?.status ?? STATUS[extensions.code as ErrorCode]).json({ errors: [{ message: answer.message, extensions }] });
  return true;
}

/** The HTTP status an error from Express, its router or its static files carries (http-errors), or 0. */
function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : 0;
}

/** What a client's own mistake outside the API is answered with, by status: a malformed address (a `%ZZ` in it), a path out of a folder, nothing there. */
const CLIENT_FAULTS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request’s address is malformed.' },
  403: { code: 'FORBIDDEN', message: 'You may not read this.' },
  404: { code: 'NOT_FOUND', message: 'Nothing is at this address.' },
};
const OTHER_CLIENT_FAULT = { code: 'BAD_REQUEST', message: 'The request cannot be answered as it was sent.' };

/** Paths nothing serves, answered as the API answers: JSON, never Express's HTML page. */
export function notFoundAnswer(): RequestHandler {
  return (_req, res) => refuse(res, 404, CLIENT_FAULTS[404]!.code, CLIENT_FAULTS[404]!.message);
}

/**
 * Any other failure: a client's fault that Express, its router or its static files report with a
 * 4xx status is answered so, in JSON; anything else is logged, and answered without its text (for
 * GraphQL, in GraphQL's shape). Express's own handler would send its HTML page with the stack
 * outside production.
 */
export function unexpectedErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    // Express, its router and its static files give a client's fault a 4xx status (a file not found is
    // not marked to be shown, so `expose` cannot tell them apart); any other failure is internal, and logged.
    if (status >= 400 && status < 500) {
      const fault = CLIENT_FAULTS[status] ?? OTHER_CLIENT_FAULT;
      // A range not satisfiable says what range there is (Content-Range), and so on.
      for (const [name, value] of Object.entries((error as { headers?: Record<string, string> }).headers ?? {})) res.set(name, value);
      return refuse(res, status, fault.code, fault.message);
    }
    log(error);
    if (req.path === '/graphql') return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    res.status(500).type('text/plain').send('Internal server error\n');
  };
}

/**
 * Errors of reading the body (malformed JSON, too large, an unknown content-encoding or
 * character set) answered as GraphQL errors in JSON, whatever the environment: never Express's
 * HTML page with a stack trace and install paths.
 */
export function requestBodyErrors(): ErrorRequestHandler {
  return (error: { type?: unknown }, _req, res, next) => {
    const status = statusOf(error);
    if (res.headersSent || status < 400 || status >= 500) return next(error);
    const message =
      error.type === 'entity.too.large'
        ? 'The request is too large: at most 1 MB, or 15 MB for a signed-in user who may make changes.'
        : error.type === 'encoding.unsupported'
          ? 'The request’s content-encoding is not supported: send it as it is, or gzip, deflate or br.'
          : error.type === 'charset.unsupported'
            ? 'The request’s character set is not supported: send UTF-8.'
            : error.type === 'charset.malformed'
              ? 'The request body is not valid UTF-8.'
              : 'The request body is not valid JSON.';
    refuse(res, status, 'BAD_REQUEST', message);
  };
}

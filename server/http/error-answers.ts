import type { ErrorRequestHandler, Response } from 'express';

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Any other failure: logged, and answered without its text (for GraphQL, in GraphQL's shape).
 * Express's own handler would send its HTML page with the stack outside production.
 */
export function unexpectedErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
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
  return (error: { status?: unknown; type?: unknown }, _req, res, next) => {
    const status = typeof error.status === 'number' ? error.status : 0;
    if (res.headersSent || status < 400 || status >= 500) return next(error);
    const message =
      error.type === 'entity.too.large'
        ? 'The request is too large: at most 1 MB, or 15 MB for a signed-in user who may make changes.'
        : error.type === 'encoding.unsupported'
          ? 'The request’s content-encoding is not supported: send it as it is, or gzip, deflate or br.'
          : error.type === 'charset.unsupported'
            ? 'The request’s character set is not supported: send UTF-8.'
            : 'The request body is not valid JSON.';
    refuse(res, status, 'BAD_REQUEST', message);
  };
}

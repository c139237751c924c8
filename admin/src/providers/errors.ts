import { HttpError } from 'react-admin';

/** One error as the API returns it (see server/errors.ts). */
export type GraphqlError = {
  message: string;
  extensions?: { code?: string; fields?: { path: (string | number)[]; message: string }[] };
};

const statusByCode: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export const CONFLICT_MESSAGE = 'Someone else changed this record since you opened it. Reload to see their changes, then try again.';

const messageByCode: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'This record no longer exists, or you cannot see it.',
  CONFLICT: CONFLICT_MESSAGE,
  INTERNAL_SERVER_ERROR: 'The server failed to do this. Try again; if it fails again, tell an administrator.',
};

/** `['input', 'recommendations', 0, 'text']` → `recommendations.0.text`, the form's own field name. */
const fieldName = (path: (string | number)[]) => (path[0] === 'input' ? path.slice(1) : path).join('.');

/**
 * A GraphQL error as react-admin's HttpError: the status tells authProvider.checkError
 * what happened, and `body.errors` puts each field's message on that field of the form.
 */
export function toHttpError(error: GraphqlError, httpStatus: number): HttpError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = statusByCode[code] ?? (httpStatus >= 400 ? httpStatus : 500);
  const message = code === 'BAD_USER_INPUT' ? error.message : (messageByCode[code] ?? error.message);
  const fields = error.extensions?.fields ?? [];
  const errors = fields.length
    ? Object.fromEntries([...fields.map((f) => [fieldName(f.path), f.message]), ['root', { serverError: message }]])
    : undefined;
  return new HttpError(message, status, { code, errors });
}

export const isConflict = (error: unknown) => error instanceof HttpError && error.status === 409;

import { HttpError } from 'react-admin';

/** One error as the API returns it (see server/errors.ts). */
export type GraphqlError = {
  message: string;
  extensions?: { code?: string; fields?: { path: (string | number)[]; message: string }[]; warnings?: WriteWarning[]; stale?: boolean };
};

/** A warning the server asks the person to confirm before it saves (server/domain/warnings.ts). */
export type WriteWarning = { warning: string; message: string };

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

/**
 * The wrappers a server path may start with that are no field of a form: the mutation's `input`
 * argument (validation names `input.dueDate`), and the `changes` of an update as the domain takes
 * them (it names `changes.dueDateReason`). What is left is the form's own name, nested paths
 * dotted as react-admin names them: `['input', 'recommendations', 0, 'text']` → `recommendations.0.text`.
 */
const WRAPPERS = ['input', 'changes'];

/** The API's inputs a form names otherwise: the files given, one input for all of them. */
const FORM_INPUTS: Record<string, string> = { files: 'newFiles' };

export function fieldName(path: (string | number)[]): string {
  let rest = path;
  while (rest.length > 1 && WRAPPERS.includes(String(rest[0]))) rest = rest.slice(1);
  const input = FORM_INPUTS[String(rest[0])];
  return input ?? rest.join('.');
}

/** Where on a form each kind of problem goes: see common/RecordForm.tsx, which shows the root ones. */
export const formProblems = { conflict: 'root.conflict', warnings: 'root.warnings' } as const;

/**
 * A GraphQL error as react-admin's HttpError: the status tells authProvider.checkError what
 * happened, and `body.errors` is what a form is told, in one place for every form: each field's
 * message on that field, and under `root` the server's message, a conflict (which the form
 * offers to resolve) or the warnings to confirm (each by its code).
 */
export function toHttpError(error: GraphqlError, httpStatus: number): HttpError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = statusByCode[code] ?? (httpStatus >= 400 ? httpStatus : 500);
  const stale = code === 'CONFLICT' && error.extensions?.stale === true;
  // A conflict with the rules (not someone else's change) says what rule, in the server's words.
  const fields = error.extensions?.fields ?? [];
  // The server names each field by its path in the API ("expiresAt: ..."), for scripts; a person is
  // told the reasons alone, as a sentence: the path is the API's word, and for a rule ("role: this is
  // the last active administrator") it named a field nobody had touched.
  const message = code === 'BAD_USER_INPUT' && fields.length
    ? sentence(fields.map((field) => field.message).join('; '))
    : code === 'BAD_USER_INPUT' || (code === 'CONFLICT' && !stale) ? error.message : (messageByCode[code] ?? error.message);
  const warnings = error.extensions?.warnings ?? [];
  let errors: Record<string, unknown> | undefined;
  if (stale) {
    errors = { root: { serverError: 'Someone else changed this record: see the form.', conflict: message } };
  } else if (warnings.length) {
    errors = { root: { serverError: 'Check the warning before saving.', warnings: Object.fromEntries(warnings.map((w) => [w.warning, w.message])) } };
  } else if (fields.length) {
    // The notification says what to fix in words; the fields themselves are marked.
    const said = fields.map((f) => f.message).join('; ');
    const serverError = `Not saved: ${said}${/[.!?]$/.test(said) ? '' : '.'}`;
    errors = Object.fromEntries([...fields.map((f) => [fieldName(f.path), f.message]), ['root', { serverError }]]);
  }
  return new HttpError(message, status, { code, errors, warnings, stale });
}

/** A reason as a sentence: a capital first, a full stop last. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/** Someone else changed the record since it was read. */
export const isConflict = (error: unknown) => error instanceof HttpError && error.status === 409 && error.body?.stale === true;

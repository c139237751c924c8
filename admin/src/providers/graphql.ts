import { toHttpError, type GraphqlError } from './errors';

/** The API lives on the app's own origin; the session cookie travels with each request. */
export const GRAPHQL_PATH = '/graphql';

export type GraphqlResponse<T> = { data?: T | null; errors?: GraphqlError[] };

/** Posts an operation and returns the raw response, errors included (for the API explorer). */
export async function postGraphql<T>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<{ status: number; body: GraphqlResponse<T> }> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    // A JSON body is what the server's CSRF prevention asks of a browser: a form post cannot send one.
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphqlResponse<T> };
  } catch {
    return { status: response.status, body: { errors: [{ message: `The server answered ${response.status} ${response.statusText}.`, extensions: { code: response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] } };
  }
}

/** Runs an operation; the first GraphQL error is thrown as a react-admin HttpError. */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await postGraphql<T>(query, variables);
  const [error] = body.errors ?? [];
  if (error) throw toHttpError(error, status);
  if (body.data == null) throw toHttpError({ message: 'The server sent no data.' }, status);
  return body.data;
}

import { parseCookie } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../domain/actor.ts';
import { unauthenticated } from '../errors.ts';
import { findApiToken } from './api-tokens.ts';
import { findSession } from './sessions.ts';

export const SESSION_COOKIE = 'tracker_session';

/**
 * Who is making a request: a script's bearer token, or a person's session
 * cookie, or nobody. A bearer token that is wrong, expired or revoked is an
 * error, never a silent fall-back to anonymous or to a cookie.
 */
export async function authenticate(headers: IncomingHttpHeaders): Promise<Actor | null> {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match ? await findApiToken(match[1]!) : null;
    if (!token) {
      const error = unauthenticated('The API token is not valid, has expired or has been revoked.');
      error.extensions.http = { status: 401 };
      throw error;
    }
    return {
      userId: token.user.id,
      role: token.user.role,
      organisationId: token.user.organisationId,
      organisationPath: token.user.organisation?.path ?? null,
      apiTokenId: token.id,
      access: token.access,
    };
  }
  const secret = sessionSecret(headers);
  if (!secret) return null;
  const session = await findSession(secret);
  if (!session) return null;
  return {
    userId: session.user.id,
    role: session.user.role,
    organisationId: session.user.organisationId,
    organisationPath: session.user.organisation?.path ?? null,
    apiTokenId: null,
    access: 'READ_WRITE',
  };
}

export function sessionSecret(headers: IncomingHttpHeaders): string | undefined {
  return headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
}

import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router, type Request, type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Actor } from '../domain/actor.ts';
import { canWrite } from '../domain/permissions.ts';
import type http from 'node:http';
import { authenticate, SESSION_COOKIE, sessionSecret } from '../auth/authenticate.ts';
import { createApollo, type ApolloOptions } from '../graphql/apollo.ts';
import { asRetryLater } from '../graphql/plugins/retry-later.ts';
import type { Context } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import type { OperationQueue } from './operation-queue.ts';
import { requestBodyErrors } from './error-answers.ts';

export type GraphqlEndpoint = { router: Router; stop(): Promise<void> };

type Identified = { actor: Actor | null; caller: string };

/** The largest request bodies: anyone's, and a writer's (a 10 MB file in base64, with room for the rest). */
export const BODY_LIMITS = { anyone: '1mb', writer: '15mb' } as const;
const smallBody = express.json({ limit: BODY_LIMITS.anyone });
const writerBody = express.json({ limit: BODY_LIMITS.writer });

const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Who is asking, before the request takes its place in the queue, so that the queue shares turns
 * between real callers: a script's API token, a person (all their sessions together), or, for
 * nobody signed in, the address. A bearer token that is not valid is answered 401 here, at once:
 * made-up credentials are never callers of their own.
 */
const identify: RequestHandler = async (req, res, next) => {
  try {
    const actor = await authenticate(req.headers);
    const caller = actor ? (actor.apiTokenId !== null ? `token ${actor.apiTokenId}` : `user ${actor.userId}`) : `address ${addressOf(req)}`;
    Object.assign(res.locals, { actor, caller } satisfies Identified);
    next();
  } catch (error) {
    const answer = error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED' ? error : asRetryLater(error);
    if (!answer) return next(error);
    const { http, ...extensions } = answer.extensions as { http?: { status?: number; headers?: Map<string, string> } };
    for (const [name, value] of http?.headers ?? []) res.set(name, value);
    res.status(http?.status ?? 401).json({ errors: [{ message: answer.message, extensions }] });
  }
};

export async function graphqlRouter(
  httpServer: http.Server,
  log: Logger,
  queue: OperationQueue,
  options: Omit<ApolloOptions, 'plugins'>,
): Promise<GraphqlEndpoint> {
  const apollo = createApollo(log, { ...options, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  const router = Router();
  router.use(
    '/graphql',
    // Answers are private to their caller, and may come from the server's own response cache:
    // no browser or proxy keeps a copy.
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    identify,
    // Writers may send a file to read (recommendations from a report: at most 10 MB, sent as
    // base64); everyone else stays within the small limit.
    (req, res, next) => ((res.locals as Identified).actor && canWrite((res.locals as Identified).actor) ? writerBody : smallBody)(req, res, next),
    queue.wrap(expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
        return {
          actor: (res.locals as Identified).actor,
          address: addressOf(req),
          session: {
            current: () => sessionSecret(req.headers),
            start: (secret, expiresAt) => res.cookie(SESSION_COOKIE, secret, { ...cookie, expires: expiresAt }),
            end: () => res.clearCookie(SESSION_COOKIE, cookie),
          },
        };
      },
    })),
  );
  router.use('/graphql', requestBodyErrors());
  return { router, stop: () => apollo.stop() };
}

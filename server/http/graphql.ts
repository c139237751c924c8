import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router } from 'express';
import type http from 'node:http';
import { authenticate, SESSION_COOKIE, sessionSecret } from '../auth/authenticate.ts';
import { createApollo, type ApolloOptions } from '../graphql/apollo.ts';
import { asRetryLater } from '../graphql/plugins/retry-later.ts';
import type { Context } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import type { OperationQueue } from './operation-queue.ts';
import { requestBodyErrors } from './error-answers.ts';

export type GraphqlEndpoint = { router: Router; stop(): Promise<void> };

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
    express.json({ limit: '1mb' }),
    queue.wrap(expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
        return {
          actor: await authenticate(req.headers).catch((error: unknown) => {
            throw asRetryLater(error) ?? error;
          }),
          address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
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

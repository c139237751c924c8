import { isUtf8 } from 'node:buffer';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { canWrite } from '../domain/permissions.ts';
import type http from 'node:http';
import { SESSION_COOKIE, sessionSecret } from '../auth/authenticate.ts';
import { createApollo, type ApolloOptions } from '../graphql/apollo.ts';
import type { Context } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import type { OperationQueue } from './operation-queue.ts';
import { requestBodyErrors } from './error-answers.ts';
import { actorOf, addressOf, identify } from './identify.ts';
import { requestCost } from '../graphql/operation-weight.ts';

export type GraphqlEndpoint = { app: Express; stop(): Promise<void> };

/** The largest request bodies: anyone's, and a writer's (a 10 MB file in base64, with room for the rest). */
export const BODY_LIMITS = { anyone: '1mb', writer: '15mb' } as const;
/**
 * A UTF-8 body that is not valid UTF-8 is refused (400), not read with its bad bytes turned into
 * U+FFFD, which a write would then have saved in place of what the client meant.
 */
function refuseMalformedUtf8(_req: unknown, _res: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') === 'utf8' && !isUtf8(body)) {
    throw Object.assign(new Error('The request body is not valid UTF-8.'), { status: 400, type: 'charset.malformed' });
  }
}
const smallBody = express.json({ limit: BODY_LIMITS.anyone, verify: refuseMalformedUtf8 });
const writerBody = express.json({ limit: BODY_LIMITS.writer, verify: refuseMalformedUtf8 });

export async function graphqlRouter(
  httpServer: http.Server,
  log: Logger,
  queue: OperationQueue,
  options: Omit<ApolloOptions, 'plugins'>,
): Promise<GraphqlEndpoint> {
  const apollo = createApollo(log, { ...options, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  // An application of its own, mounted on the server's, for one setting: Express would hash every
  // answer (56 KB on a report's drill-down) for an ETag, which no client can use on an answer that
  // is never kept and mostly comes from a POST; that hash was about 1% of the server's time.
  const app = express();
  app.disable('etag');
  app.disable('x-powered-by');
  // Its own mode would come from NODE_ENV; the server's comes from the configuration.
  app.set('env', options.environment);
  app.use(
    '/graphql',
    // Answers are private to their caller: no browser or proxy keeps a copy.
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    identify,
    // Writers may send a file to read (recommendations from a report: at most 10 MB, sent as
    // base64); everyone else stays within the small limit.
    (req, res, next) => (canWrite(actorOf(res)) ? writerBody : smallBody)(req, res, next),
    queue.wrap(expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
        return {
          actor: actorOf(res),
          address: addressOf(req),
          estimatedCost: requestCost(req),
          session: {
            current: () => sessionSecret(req.headers),
            start: (secret, expiresAt) => res.cookie(SESSION_COOKIE, secret, { ...cookie, expires: expiresAt }),
            end: () => res.clearCookie(SESSION_COOKIE, cookie),
          },
        };
      },
    })),
  );
  app.use('/graphql', requestBodyErrors());
  return { app, stop: () => apollo.stop() };
}

import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router } from 'express';
import type http from 'node:http';
import { createApollo } from '../graphql/apollo.ts';
import type { Context } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';

export type GraphqlEndpoint = { router: Router; stop(): Promise<void> };

export async function graphqlRouter(httpServer: http.Server, log: Logger): Promise<GraphqlEndpoint> {
  const apollo = createApollo(log, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();
  const router = Router();
  router.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async (): Promise<Context> => ({ actor: null }),
    }),
  );
  return { router, stop: () => apollo.stop() };
}

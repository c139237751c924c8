import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router } from 'express';
import type http from 'node:http';
import type { Context } from '../graphql/context.ts';
import { schema } from '../graphql/schema.ts';

export type GraphqlEndpoint = { router: Router; stop(): Promise<void> };

export async function graphqlRouter(httpServer: http.Server): Promise<GraphqlEndpoint> {
  const apollo = new ApolloServer<Context>({
    schema,
    // The process owns shutdown (server/main.ts): requests drain, then the database closes.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads from outside CDNs, which closed networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
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

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { COST_BUDGET_MS, type Config } from '../config.ts';
import { setStrictSchemaChecks } from './schema-checks.ts';
import { setCostLimit } from './cost.ts';
import type { Logger } from '../logger.ts';
import type { Context } from './context.ts';
import { formatError } from './format-error.ts';
import { armor, LIMITS } from './limits.ts';
import { requestRules } from './plugins/request-rules.ts';
import { requestLog, type GraphqlOutcome } from './plugins/request-log.ts';
import { schemaPrivacy } from './plugins/schema-privacy.ts';
import { retryLaterAnswers } from './plugins/retry-later.ts';
import { schema } from './schema.ts';

export type ApolloOptions = {
  /** The server's mode, from its configuration: outside production the schema checks itself as it runs. */
  environment?: Config['environment'];
  /** The most an operation may cost, in milliseconds of estimated work (cost.ts); the budget when not given. */
  costLimitMs?: number;
  plugins?: ApolloServerPlugin<Context>[];
  /** Told how every GraphQL request ended (the metrics endpoint). */
  observe?: (outcome: GraphqlOutcome) => void;
};

/** The one Apollo Server configuration, used over HTTP and by in-process tests. */
export function createApollo(
  log: Logger,
  { environment = 'test', costLimitMs = COST_BUDGET_MS, plugins = [], observe }: ApolloOptions = {},
): ApolloServer<Context> {
  setStrictSchemaChecks(environment !== 'production');
  setCostLimit(costLimitMs);
  const protection = armor();
  return new ApolloServer<Context>({
    schema,
    validationRules: protection.validationRules,
    // graphql-js itself stops parsing a document past this many tokens.
    parseOptions: { maxTokens: LIMITS.tokens },
    allowBatchedHttpRequests: false,
    // Decided here, not by NODE_ENV: signed-in users may read the schema (plugins/schema-privacy.ts).
    introspection: true,
    csrfPrevention: true,
    // The process owns shutdown (server/main.ts): requests drain, then the database closes.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (internal) => log.error('Internal error', internal)),
    plugins: [
      // Apollo's landing page loads from outside CDNs, which closed networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of API answers; its per-field hook cost a tenth of a list request's time.
      ApolloServerPluginCacheControlDisabled(),
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      schemaPrivacy(),
      requestRules(),
      retryLaterAnswers(),
      requestLog(log, observe),
      ...plugins,
    ],
  });
}

import { COST_BUDGET_MS, operationLimits, type Config } from '../../server/config.ts';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../server/logger.ts';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/server.ts';
import { createTestDatabase, type TestDatabaseConfig } from './database.ts';

export function testConfig(database: Config['database'], overrides: Partial<Config> = {}): Config {
  return { environment: 'test', host: '127.0.0.1', port: 0, database, operations: operationLimits(8, undefined, 20, 10), requestTimeoutMs: 30_000, costLimitMs: COST_BUDGET_MS, demoData: true, trustProxy: false, logLevel: 'silent', metricsToken: null, publicReports: false, ...overrides };
}

/** The real server on the given database; its log lines go to `logTo` when given, else to standard error. */
export function startTestServer(database: Config['database'], overrides: Partial<Config> = {}, logTo?: DestinationStream): Promise<RunningServer> {
  const config = testConfig(database, overrides);
  return startServer(config, createLogger(config.logLevel, { environment: config.environment, destination: logTo }));
}

export type GraphqlBody<T> = { data?: T; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };

/** Posts a GraphQL operation as a client would, with the given headers (a cookie or a bearer token). */
export async function postGraphql<T = unknown>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlBody<T> };
}

/** Signs in over HTTP as a browser would; returns the Cookie header to send afterwards. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<{ cookie: string; setCookie: string }> {
  const { body, headers } = await postGraphql(url, 'mutation ($input: LoginInput!) { login(input: $input) { email } }', { input: { email, password } });
  if (body.errors) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  const setCookie = headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

/**
 * Gives the test file the real server over HTTP, on a fresh database of the
 * file's kind with the demo data, and removes both afterwards.
 */
export function useTestServer(overrides: Partial<Config> = {}, logTo?: DestinationStream): { readonly url: string } {
  let created: TestDatabaseConfig | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    created = await createTestDatabase();
    server = await startTestServer(created.config, overrides, logTo);
  });
  afterAll(async () => {
    await server?.close();
    await created?.drop();
  });
  return {
    get url() {
      if (!server) throw new Error('The test server starts in beforeAll');
      return server.url;
    },
  };
}

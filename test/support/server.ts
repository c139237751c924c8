import type { Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';

export function testConfig(database: Config['database'], overrides: Partial<Config> = {}): Config {
  return { environment: 'test', host: '127.0.0.1', port: 0, database, demoData: true, logLevel: 'silent', ...overrides };
}

export function startTestServer(database: Config['database'], overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = testConfig(database, overrides);
  return startServer(config, createLogger(config.logLevel));
}

/** Posts a GraphQL operation as a client would. */
export async function postGraphql<T = unknown>(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } };
}

import { Router, type RequestHandler } from 'express';
import client from 'prom-client';
import { sameSecret } from '../auth/secrets.ts';
import { onQuery } from '../db/client.ts';
import { readCacheStats } from '../db/read-cache.ts';
import type { GraphqlOutcome } from '../graphql/plugins/request-log.ts';

/** Routes by name, never by the path asked for: labels must stay few whatever clients send. */
function routeOf(path: string): string {
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  return 'admin app';
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics: the process's own (memory, CPU, event-loop delay, garbage collection),
 * HTTP requests, GraphQL operations by kind and outcome, SQL statements sent, the read cache and
 * the response cache.
 * No label holds anything a client chose (operation names included), nor any record.
 */
export function createMetrics(token: string | null, operations: () => { running: number; waiting: number }) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const http = new client.Histogram({
    name: 'tracker_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const graphql = new client.Histogram({
    name: 'tracker_graphql_operation_duration_seconds',
    help: 'GraphQL operations by kind (query, mutation) and outcome (ok, or the first error code).',
    labelNames: ['kind', 'outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const statements = new client.Counter({ name: 'tracker_sql_statements_total', help: 'SQL statements sent to the database.', registers: [registry] });
  const stopCountingStatements = onQuery(() => statements.inc());
  new client.Counter({
    name: 'tracker_read_cache_total',
    help: 'Counts and dashboards answered from memory (hit) or from the database (miss), since start.',
    labelNames: ['result'] as const,
    registers: [registry],
    // Read from the cache's own tallies at each scrape: a counter, since they only grow.
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, readCacheStats.hits);
      this.inc({ result: 'miss' }, readCacheStats.misses);
    },
  });

  new client.Gauge({
    name: 'tracker_graphql_operations',
    help: 'GraphQL operations running, and waiting their turn (CONCURRENT_OPERATIONS).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const now = operations();
      this.set({ state: 'running' }, now.running);
      this.set({ state: 'waiting' }, now.waiting);
    },
  });

  const observeHttp: RequestHandler = (request, response, next) => {
    const end = http.startTimer({ method: request.method, route: routeOf(request.path) });
    response.once('finish', () => end({ status: String(response.statusCode) }));
    next();
  };
  const observeGraphql = (outcome: GraphqlOutcome) => {
    graphql.observe({ kind: outcome.kind ?? 'unknown', outcome: outcome.errorCodes[0] ?? 'ok' }, outcome.durationMs / 1000);
  };

  const router = Router();
  router.get('/metrics', async (request, response) => {
    response.set('Cache-Control', 'no-store');
    if (token && !sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) {
      response.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Send the metrics token as a bearer token.\n');
      return;
    }
    response.type(registry.contentType).send(await registry.metrics());
  });
  return { router, observeHttp, observeGraphql, stop: stopCountingStatements };
}

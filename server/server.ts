import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { connectPrisma, disconnectPrisma } from './db/client.ts';
import { openDatabase, type Database } from './db/database.ts';
import { followChanges } from './db/change-feed.ts';
import { applyMigrations } from './db/migrations.ts';
import { loadDemoDataIfEmpty } from '../prisma/seed/demo.ts';
import { startHousekeeping } from './auth/housekeeping.ts';
import { followTableStatistics, measureTableStatistics } from './db/table-statistics.ts';
import { adminAppRouter } from './http/admin-app.ts';
import { securityHeaders } from './http/security-headers.ts';
import { graphqlRouter } from './http/graphql.ts';
import { healthRouter } from './http/health.ts';
import { createMetrics } from './http/metrics.ts';
import { operationQueue } from './http/operation-queue.ts';
import { isHeavyOperation } from './graphql/operation-weight.ts';
import { unexpectedErrors } from './http/error-answers.ts';
import type { Logger } from './logger.ts';

export type RunningServer = {
  url: string;
  database: Database;
  /** Stops accepting, finishes requests in flight, then closes the database cleanly. */
  close(): Promise<void>;
};

/** Migrates the database, loads demo data into an empty one, and serves HTTP. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  let stopFollowingChanges = async () => {};
  let stopFollowingStatistics = () => {};
  try {
    const applied = await applyMigrations(database, undefined, (message) => log.info(message));
    if (applied.length) log.info(`Applied migrations: ${applied.join(', ')}`);
    connectPrisma(database);
    if (config.demoData && (await loadDemoDataIfEmpty())) {
      log.info('Loaded the illustrative demo data into the empty database.');
    }
    // The cost of every operation is estimated from the data's size: measured before serving.
    await measureTableStatistics();
    stopFollowingStatistics = followTableStatistics((error) =>
      log.warn(`Measuring the tables failed; operations are costed by the last measurement (${error instanceof Error ? error.message : 'error'}).`),
    );

    const app = express();
    app.disable('x-powered-by');
    // Express's mode from the configuration too, not from NODE_ENV.
    app.set('env', config.environment);
    if (config.trustProxy) app.set('trust proxy', true);
    const operations = operationQueue(config.operations, (req) => isHeavyOperation(req.method === 'GET' ? req.query : req.body));
    const metrics = createMetrics(config.metricsToken, operations.stats);
    app.use(metrics.observeHttp);
    app.use(securityHeaders());
    const httpServer = http.createServer(
      // A slow client may not hold a connection open: the whole request must arrive within
      // REQUEST_TIMEOUT_SECONDS, its headers within 10 s. Node checks every connection for it
      // only every 30 s unless told: a trickled body would be answered 408 after up to a minute.
      {
        requestTimeout: config.requestTimeoutMs,
        headersTimeout: Math.min(10_000, config.requestTimeoutMs),
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 1_000,
      },
      app,
    );
    stopFollowingChanges = await followChanges(database);
    const graphql = await graphqlRouter(httpServer, log, operations, {
      environment: config.environment,
      costLimitMs: config.costLimitMs,
      observe: metrics.observeGraphql,
    });
    app.use(healthRouter(database, () => !stopping));
    app.use(metrics.router);
    app.use(graphql.router);
    app.use(adminAppRouter());
    app.use(unexpectedErrors((error) => log.error('Internal error', error)));

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const stopHousekeeping = startHousekeeping(log);
    let stopping = false;
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      database,
      async close() {
        stopping = true;
        stopHousekeeping();
        stopFollowingStatistics();
        operations.stop();
        await graphql.stop();
        log.debug('HTTP server closed.');
        await stopFollowingChanges();
        metrics.stop();
        await disconnectPrisma();
        await database.close();
        log.debug('Database closed.');
      },
    };
  } catch (error) {
    stopFollowingStatistics();
    await stopFollowingChanges().catch(() => {});
    await disconnectPrisma().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

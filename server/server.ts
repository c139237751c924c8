import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SettingError, type Config } from './config.ts';
import { connectPrisma, disconnectPrisma } from './db/client.ts';
import { prepareDataDir } from './db/data-dir-lock.ts';
import { openDatabase, type Database } from './db/database.ts';
import { followChanges } from './db/change-feed.ts';
import { applyMigrations } from './db/migrations.ts';
import { loadDemoDataIfEmpty } from '../prisma/seed/demo.ts';
import { startHousekeeping } from './auth/housekeeping.ts';
import { startLearningRepeatParaphrases } from './domain/repeat-paraphrases.ts';
import { startReminders } from './reminders/schedule.ts';
import { followTableStatistics, measureTableStatistics } from './db/table-statistics.ts';
import { adminAppRouter } from './http/admin-app.ts';
import { securityHeaders } from './http/security-headers.ts';
import { graphqlRouter } from './http/graphql.ts';
import { evidenceFilesRouter } from './http/evidence-files.ts';
import { configureEvidenceFiles } from './domain/evidence-files/store.ts';
import { publicReportsRouter } from './http/public-reports.ts';
import { setPublicView } from './domain/publication.ts';
import { followUpPackRouter } from './http/follow-up-pack.ts';
import { healthRouter } from './http/health.ts';
import { createMetrics } from './http/metrics.ts';
import { operationQueue } from './http/operation-queue.ts';
import { isHeavyRequest } from './graphql/operation-weight.ts';
import { notFoundAnswer, unexpectedErrors } from './http/error-answers.ts';
import type { Logger } from './logger.ts';

export type RunningServer = {
  url: string;
  database: Database;
  /** Stops accepting, finishes requests in flight, then closes the database cleanly. */
  close(): Promise<void>;
};

/**
 * Takes the port, then migrates the database, loads demo data into an empty one, and serves HTTP.
 * Settings are checked before the database is touched: the data folder first, then the port,
 * which is held from then on (requests are answered 503 until the server is ready).
 */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  if (config.database.kind === 'pglite') prepareDataDir(config.database.dataDir);
  configureEvidenceFiles(config.evidenceFiles);

  const app = express();
  app.disable('x-powered-by');
  // Express's mode from the configuration too, not from NODE_ENV.
  app.set('env', config.environment);
  if (config.trustProxy) app.set('trust proxy', true);
  let ready = false;
  let stopping = false;
  app.use((_req, res, next) => (ready ? next() : void res.status(503).set('retry-after', '5').json({ status: 'starting' })));
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
  await listen(httpServer, config);

  let database: Database | undefined;
  let stopFollowingChanges = async () => {};
  let stopFollowingStatistics = () => {};
  try {
    database = await openDatabase(config.database);
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

    const operations = operationQueue(config.operations, isHeavyRequest);
    const metrics = createMetrics(config.metricsToken, operations.stats);
    app.use(metrics.observeHttp);
    app.use(securityHeaders());
    stopFollowingChanges = await followChanges(database);
    const graphql = await graphqlRouter(httpServer, log, operations, {
      environment: config.environment,
      costLimitMs: config.costLimitMs,
      observe: metrics.observeGraphql,
    });
    const opened = database;
    app.use(healthRouter(opened, () => !stopping));
    app.use(metrics.router);
    app.use(graphql.app);
    app.use(evidenceFilesRouter());
    setPublicView(config.publicReports);
    app.use(publicReportsRouter(config.publicReports));
    app.use(followUpPackRouter(operations));
    app.use(adminAppRouter());
    app.use(notFoundAnswer());
    app.use(unexpectedErrors((error) => log.error('Internal error', error)));
    ready = true;

    const stopHousekeeping = startHousekeeping(log);
    const stopLearningParaphrases = startLearningRepeatParaphrases(log);
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const stopReminders = startReminders(config.reminders, log, `http://${host}:${port}`);
    return {
      url: `http://${host}:${port}`,
      database: opened,
      async close() {
        stopping = true;
        await stopHousekeeping();
        await stopLearningParaphrases();
        await stopReminders();
        stopFollowingStatistics();
        operations.stop();
        await graphql.stop();
        log.debug('HTTP server closed.');
        await stopFollowingChanges();
        metrics.stop();
        await disconnectPrisma();
        await opened.close();
        log.debug('Database closed.');
      },
    };
  } catch (error) {
    stopFollowingStatistics();
    await stopFollowingChanges().catch(() => {});
    await disconnectPrisma().catch(() => {});
    await database?.close().catch(() => {});
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
    throw error;
  }
}

/** Takes the port, or says in one line which setting keeps it from being taken. */
async function listen(httpServer: http.Server, { host, port }: Config): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SettingError(`PORT=${port}: another program already listens on ${host}:${port}: stop it, or set PORT to a free port.`);
    if (code === 'EACCES') throw new SettingError(`PORT=${port}: this user may not listen on port ${port}: set PORT to 1024 or above, or run behind a reverse proxy.`);
    if (code === 'EADDRNOTAVAIL') throw new SettingError(`HOST=${host}: this machine has no such address: set HOST to one of its own (127.0.0.1 for this machine only).`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new SettingError(`HOST=${host}: no such host name here: set HOST to an address of this machine.`);
    throw error;
  }
}

// npm start: migrate, load demo data into an empty database, and serve.
import { ConfigError, loadConfig, SettingError, type Config } from './config.ts';
import { adminBuildIsStale } from './cli/build-admin.ts';
import { createLogger } from './logger.ts';
import { demoSignIns } from '../prisma/seed/demo.ts';
import { startServer, type RunningServer } from './server.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const log = createLogger(config.logLevel, { environment: config.environment });

// `npm start` builds the admin app first when it is missing or stale (server/cli/build-admin.ts);
// run otherwise, the server says so rather than serve an old one silently.
if (adminBuildIsStale()) log.warn('The admin app in admin/dist is missing or older than its sources: run `npm run build:admin`.');

let server: RunningServer;
try {
  server = await startServer(config, log);
} catch (error) {
  // A setting this machine cannot honour: its one line says which and what to do, no stack trace.
  if (error instanceof SettingError) {
    log.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { url, database } = server;
log.info(
  `Recommendation tracker ready on ${database.kind === 'pglite' ? `the embedded database in ${database.location}` : database.location}: ` +
    `admin app ${url}/, API ${url}/graphql, health ${url}/healthz`,
);
if (config.demoData) {
  const signIns = await demoSignIns();
  if (signIns.length) {
    log.info(`Demo sign-ins (as loaded; change or deactivate them before real use): ${signIns.map(({ email, password }) => `${email} / ${password}`).join(', ')}`);
  }
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal} received: finishing requests in flight and closing the database.`);
  try {
    await server.close();
    log.info('Stopped cleanly.');
    process.exit(0);
  } catch (error) {
    log.error('Could not stop cleanly', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

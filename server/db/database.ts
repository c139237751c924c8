import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Config } from '../config.ts';
import { openPgliteDataDir, pgliteAdapterFactory, createPglite } from './pglite.ts';
import { noShadowDatabase } from './shadow-database.ts';
import { readCharColumnsAsText } from './pg-char-columns.ts';
import { runScriptsWhole } from './pg-scripts.ts';
import { guardRootAdapter } from './transaction-scope.ts';

/** A database the server can migrate and query, on PGlite or a PostgreSQL server. */
export type Database = {
  kind: 'pglite' | 'postgres';
  /** Where it is, for logs: a folder, or the server without its password. */
  location: string;
  /** For the Prisma client. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** For Prisma's schema engine (migrations and diffs). */
  schemaEngineAdapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  /**
   * Listens for notifications on a channel, for as long as the database is open. On
   * PostgreSQL a lost connection is reported and listening resumes when the server is back.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type ListenHandlers = {
  /** A notification on the channel, with its payload ('' when it has none). */
  onNotification(payload: string): void;
  /** Listening has begun (again): notifications before now were missed. */
  onListening(): void;
  /** Notifications may be missed from now until onListening. */
  onLost(): void;
};

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Prisma's pg adapter over a pool of our own, which health checks and shutdown use. */
function postgresDatabase(url: string, poolSize: number): Database {
  // A request waits at most 5 s for a connection from a busy pool.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool);
  return {
    kind: 'postgres',
    location: redactUrl(url),
    adapterFactory: {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      async connect() {
        return guardRootAdapter(await adapter.connect());
      },
      connectToShadowDb: noShadowDatabase,
    },
    schemaEngineAdapterFactory: {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      async connect() {
        return runScriptsWhole(readCharColumnsAsText(await adapter.connect()));
      },
      connectToShadowDb: noShadowDatabase,
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries).
 * When it is lost, tries again every second until stopped.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      handlers.onLost();
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    next.on('error', onLost);
    next.on('end', onLost);
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotification(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch {
      onLost();
      return;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    handlers.onListening();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** PGlite as a Database: one instance serves the Prisma client and the schema engine. */
function pgliteDatabase(pglite: PGlite, location: string, close: () => Promise<void>): Database {
  const adapterFactory = pgliteAdapterFactory(pglite);
  return {
    kind: 'pglite',
    location,
    adapterFactory,
    schemaEngineAdapterFactory: adapterFactory,
    async ping() {
      await pglite.query('SELECT 1');
    },
    async listen(channel, handlers) {
      // One process holds the data folder, so nothing is ever missed once listening.
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotification(payload ?? ''));
      handlers.onListening();
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close,
  };
}

export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') return postgresDatabase(database.url, database.poolSize);
  const { pglite, close } = await openPgliteDataDir(database.dataDir);
  return pgliteDatabase(pglite, database.dataDir, close);
}

/** An embedded database in memory: for tests and for writing new migrations. */
export async function openMemoryDatabase(): Promise<Database> {
  const pglite = await createPglite();
  return pgliteDatabase(pglite, 'memory', async () => {
    if (!pglite.closed) await pglite.close();
  });
}

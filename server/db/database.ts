import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { SettingError, type Config } from '../config.ts';
import { PgliteThread } from './pglite.ts';
import { createPool, type Pool } from './pool.ts';
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
  /**
   * For Prisma's schema engine (migrations and diffs): a connection of its own until closed.
   * The engine takes a session's advisory lock to migrate, and must release it on the same
   * session: through a pool, lock and unlock could land on different connections, and the lock
   * would stay held by an idle one, keeping every other process from migrating.
   */
  schemaEngineConnection(): Promise<SchemaEngineConnection>;
  /**
   * A cheap round trip, for health checks: on PostgreSQL on a connection of its own, so a busy
   * pool does not hold it up; on PGlite behind the work already asked of it.
   */
  ping(): Promise<void>;
  /** When the database last answered a statement of the application's. */
  lastAnswerAt(): number;
  /** When the longest-running statement of the application's now in progress was sent, or null. */
  busySince(): number | null;
  /**
   * Listens for notifications on a channel, for as long as the database is open. On
   * PostgreSQL a lost connection is reported and listening resumes when the server is back.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type SchemaEngineConnection = { adapterFactory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };

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

/**
 * Each statement Prisma sends is prepared once per connection, under a name taken from its text:
 * after that only its parameters go over the wire, and PostgreSQL neither parses it again nor
 * (once its generic plan is as good) plans it. On the report drill-down, whose one statement is
 * long, this took a fifth off PostgreSQL's work a request. pool.ts bounds how many a connection keeps.
 */
const statementName = (query: { sql: string }) => 'p' + createHash('sha1').update(query.sql).digest('base64url');

/**
 * Prisma's pg adapter over a pool, as the application or the schema engine needs it. Statements are
 * prepared only where each connection is a session of its own (a PostgreSQL server): PGlite has one
 * session, which a connection opened after another (the first one broken, say) shares without
 * knowing what was prepared in it, and its next Parse of a known name is refused.
 */
function adapterFactory(pool: Pool, use: 'application' | 'schema engine', prepare = false): SqlMigrationAwareDriverAdapterFactory {
  const adapter = new PrismaPg(pool, prepare ? { statementNameGenerator: statementName } : {});
  const wrap = use === 'application' ? guardRootAdapter : (inner: SqlDriverAdapter) => runScriptsWhole(readCharColumnsAsText(inner));
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => wrap(await adapter.connect()),
    connectToShadowDb: noShadowDatabase,
  };
}

/** How long a connection of the server's own may take to open (the start-up's first one among them). */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * A connection of its own, opened when first needed and again after it is lost: for health
 * checks and for cancelling statements, neither of which may wait for the pool.
 */
function controlConnection(url: string) {
  let client: Promise<pg.Client> | null = null;
  const connect = () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    const opened = next.connect().then(() => next);
    const forget = () => {
      if (client === opened) client = null;
      next.end().catch(() => {});
    };
    next.on('error', forget);
    next.on('end', forget);
    opened.catch(forget);
    return opened;
  };
  return {
    async query(text: string, values?: unknown[]): Promise<void> {
      client ??= connect();
      await (await client).query(text, values);
    },
    async end(): Promise<void> {
      const open = client;
      client = null;
      await open?.then((connection) => connection.end()).catch(() => {});
    },
  };
}

/** How long a statement may wait for a lock held by another transaction (PostgreSQL's lock_timeout). */
export const LOCK_WAIT_MS = 3000;

function postgresDatabase(url: string, poolSize: number): Database {
  const control = controlConnection(url);
  const pool = createPool(
    {
      connectionString: url,
      max: poolSize,
      // A request waits at most 5 s for a connection from a busy pool.
      connectionTimeoutMillis: 5000,
      // A statement waits at most LOCK_WAIT_MS for a row another transaction holds, so that it
      // fails cleanly inside its own transaction's time (5 s) instead of waiting past it.
      lock_timeout: LOCK_WAIT_MS,
      // No JIT compilation: the API's statements are short, and a few (the dashboard's, with a
      // correlated EXISTS per recommendation) are estimated costly enough for PostgreSQL to spend
      // 1.5 s compiling and optimising a statement that runs in 0.2 s.
      options: '-c jit=off',
      application_name: 'recommendation-tracker',
    },
    (processId) => control.query('SELECT pg_cancel_backend($1)', [processId]),
  );
  return {
    kind: 'postgres',
    location: redactUrl(url),
    adapterFactory: adapterFactory(pool, 'application', true),
    async schemaEngineConnection() {
      // No lock_timeout here: a second process starting waits for the first one's migrations.
      const own = createPool({ connectionString: url, max: 1, application_name: 'recommendation-tracker migrations' }, null);
      return { adapterFactory: adapterFactory(own, 'schema engine'), close: () => own.end() };
    },
    ping: () => control.query('SELECT 1'),
    lastAnswerAt: () => pool.lastAnswerAt(),
    busySince: () => pool.busySince(),
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    async close() {
      await pool.end();
      await control.end();
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

/**
 * PGlite on its thread, through a pool of one connection: PGlite has one session, so
 * transactions take turns, and notifications come back on whichever connection is open.
 */
function pgliteDatabase(thread: PgliteThread, location: string): Database {
  const pool = createPool({ stream: () => thread.connection(), max: 1, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 5000 }, null);
  const listeners = new Map<string, Set<(payload: string) => void>>();
  pool.on('connect', (client) => {
    client.on('notification', (message) => {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? '');
    });
  });
  return {
    kind: 'pglite',
    location,
    adapterFactory: adapterFactory(pool, 'application'),
    // PGlite has one session, which its one connection always is.
    schemaEngineConnection: async () => ({ adapterFactory: adapterFactory(pool, 'schema engine'), close: async () => {} }),
    async ping() {
      await pool.query('SELECT 1');
    },
    lastAnswerAt: () => pool.lastAnswerAt(),
    busySince: () => pool.busySince(),
    async listen(channel, handlers) {
      const listener = (payload: string) => handlers.onNotification(payload);
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      // One process holds the data folder, so nothing is ever missed once listening.
      await pool.query(`LISTEN "${channel}"`);
      handlers.onListening();
      return async () => {
        listeners.get(channel)?.delete(listener);
      };
    },
    async close() {
      if (thread.closed) return;
      await pool.end();
      await thread.close();
    },
  };
}

/**
 * The first connection to a PostgreSQL server failed: why, in one line that names DATABASE_URL
 * and says what to change (never the password).
 */
export function unreachableDatabase(url: string, error: unknown): SettingError {
  const { hostname, port, pathname, username } = new URL(url);
  const where = `${hostname}:${port || '5432'}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const database = decodeURIComponent(pathname.slice(1)) || decodeURIComponent(username) || 'postgres';
  let problem: string;
  if (code === 'ECONNREFUSED') problem = `nothing accepts connections at ${where}: start PostgreSQL there, or correct the host and port in DATABASE_URL`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') problem = `the host name ${hostname} is not known here: correct the host in DATABASE_URL`;
  else if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(message)) {
    problem = `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s: check that PostgreSQL runs there and that this machine can reach it, or correct DATABASE_URL`;
  } else if (code === '28P01' || code === '28000') problem = `PostgreSQL at ${where} refused the user ${decodeURIComponent(username) || '(none)'}: correct the user name or password in DATABASE_URL`;
  else if (code === '3D000') problem = `PostgreSQL at ${where} has no database "${database}": create it (createdb ${database}), or name an existing one in DATABASE_URL`;
  else problem = `could not connect to ${where} (${message.split('\n')[0]}): check DATABASE_URL and the server`;
  return new SettingError(`DATABASE_URL: ${problem}.`);
}

export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'pglite') return pgliteDatabase(await PgliteThread.start(database.dataDir), database.dataDir);
  const opened = postgresDatabase(database.url, database.poolSize);
  // One round trip before anything else, so an unreachable server is named at once rather than
  // by the first migration's error.
  try {
    await opened.ping();
  } catch (error) {
    await opened.close();
    throw unreachableDatabase(database.url, error);
  }
  return opened;
}

/** An embedded database in memory: for tests and for writing new migrations. */
export async function openMemoryDatabase(): Promise<Database> {
  return pgliteDatabase(await PgliteThread.start(null), 'memory');
}

import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Config } from '../config.ts';
import { openPgliteDataDir, pgliteAdapterFactory, createPglite } from './pglite.ts';
import { noShadowDatabase } from './shadow-database.ts';
import { readCharColumnsAsText } from './pg-char-columns.ts';
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
  close(): Promise<void>;
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
        return readCharColumnsAsText(await adapter.connect());
      },
      connectToShadowDb: noShadowDatabase,
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
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

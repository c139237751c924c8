import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from './data-dir-lock.ts';
import { guardRootAdapter } from './transaction-scope.ts';
import { noShadowDatabase } from './shadow-database.ts';

/** Opens PGlite with the extensions the schema needs; `undefined` keeps it in memory. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm } });
}

/**
 * The community PGlite adapter, with its `executeScript` fixed: it did not wait
 * for the script, so a failed migration would have gone unnoticed.
 */
async function connectPglite(pglite: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  return Object.assign(adapter, {
    async executeScript(script: string) {
      try {
        await pglite.exec(script);
      } catch (error) {
        reportError(error);
      }
    },
  });
}

export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@electric-sql/pglite',
    async connect() {
      return guardRootAdapter(await connectPglite(pglite));
    },
    connectToShadowDb: noShadowDatabase,
  };
}

export type PgliteDatabase = { pglite: PGlite; close(): Promise<void> };

/** Opens the embedded database in its data folder, refusing a folder another process holds. */
export async function openPgliteDataDir(dataDir: string): Promise<PgliteDatabase> {
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await createPglite(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    pglite,
    async close() {
      // PGlite on Node does not fsync: checkpoint, then close, so a clean stop loses nothing.
      try {
        if (!pglite.closed) {
          await pglite.query('CHECKPOINT');
          await pglite.close();
        }
      } finally {
        unlock();
      }
    },
  };
}

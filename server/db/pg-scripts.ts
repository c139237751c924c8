import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type pg from 'pg';

/**
 * @prisma/adapter-pg (7.10) runs a migration script by splitting it at every ";"
 * and sending the pieces one by one, which breaks any statement with a ";" of
 * its own (a function body, a string, a comment). PostgreSQL takes a whole
 * script in one simple query, as one implicit transaction, so it is sent whole.
 * Only the schema engine's connections run scripts.
 */
export function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const inner = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    try {
      await inner.client.query(script);
    } catch (error) {
      // The adapter's own translation of database errors, as its executeScript does.
      inner.onError(error);
    }
  };
  return adapter;
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.ts';
import { connectPrisma, disconnectPrisma, prisma } from '../../server/db/client.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { followChanges } from '../../server/db/change-feed.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { clearReadCache } from '../../server/db/read-cache.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Which database this test file runs on (see vitest.config.ts). */
export const databaseKind: DatabaseKind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export type TestDatabaseConfig = { config: Config['database']; drop(): Promise<void> };

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL names the PostgreSQL server for the postgres test project');
  return url;
}

/** A new, empty database of this file's kind: a PostgreSQL database of its own, or a PGlite folder. */
export async function createTestDatabase(): Promise<TestDatabaseConfig> {
  if (databaseKind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-test-'));
    return {
      config: { kind: 'pglite', dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tracker_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Gives the test file a fresh, migrated database with the Prisma client
 * connected to it, and removes it afterwards.
 */
export function useTestDatabase(): { database(): Database; config(): Config['database'] } {
  let created: TestDatabaseConfig | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    created = await createTestDatabase();
    database = await openDatabase(created.config);
    await applyMigrations(database);
    connectPrisma(database);
  });
  afterAll(async () => {
    await disconnectPrisma();
    await database?.close();
    await created?.drop();
  });
  return {
    database: () => {
      if (!database) throw new Error('The test database is opened in beforeAll');
      return database;
    },
    config: () => {
      if (!created) throw new Error('The test database is created in beforeAll');
      return created.config;
    },
  };
}

/**
 * Follows the database's announcements of changes during the file's tests, as the server
 * does, so that counts and the dashboard are kept in memory (server/db/read-cache.ts).
 */
export function useChangeFeed(test: { database(): Database }): void {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    stop = await followChanges(test.database());
  });
  afterAll(async () => {
    await stop?.();
    clearReadCache();
  });
}

/**
 * Runs SQL as another writer would: a script with its own connection where there
 * can be one (PostgreSQL), else beside the API on PGlite's one connection.
 */
export async function writeAsAnotherClient(test: { config(): Config['database'] }, sql: string): Promise<void> {
  const config = test.config();
  if (config.kind === 'postgres') {
    const other = new pg.Client({ connectionString: config.url });
    await other.connect();
    await other.query(sql);
    await other.end();
  } else {
    await prisma.$executeRawUnsafe(sql);
  }
}

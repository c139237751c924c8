import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import type { Config } from '../../server/config.ts';
import { connectPrisma, disconnectPrisma, prisma } from '../../server/db/client.ts';
import { openDatabase } from '../../server/db/database.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { consistencyProblems, databaseFingerprint } from '../support/consistency.ts';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';

/**
 * The backups the README documents, taken and restored as written there:
 * pg_dump and pg_restore for PostgreSQL, a copy of the stopped data folder for
 * the embedded database. The restored database must hold exactly what was
 * backed up, and be usable at once.
 */
const created: TestDatabaseConfig[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-backup-'));
afterAll(async () => {
  for (const database of created) await database.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Opens a database, runs `work` with the Prisma client connected, and closes it cleanly. */
async function withDatabase<T>(config: Config['database'], work: () => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await applyMigrations(database);
    connectPrisma(database);
    return await work();
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}

describe(`backup and restore on ${databaseKind}`, () => {
  it('restores exactly what was backed up, ready to use', async () => {
    const original = await createTestDatabase();
    created.push(original);
    const backedUp = await withDatabase(original.config, async () => {
      await loadDemoDataIfEmpty();
      return databaseFingerprint();
    });

    // Take the backup, then change the original so that a restore can be told from it.
    let restoredConfig: Config['database'];
    if (original.config.kind === 'postgres') {
      const dump = path.join(scratch, 'tracker.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, original.config.url]);
      const target = await createTestDatabase();
      created.push(target);
      if (target.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
      execFileSync('pg_restore', ['--no-owner', `--dbname=${target.config.url}`, dump]);
      restoredConfig = target.config;
    } else {
      const copy = path.join(scratch, 'data-copy');
      fs.cpSync(original.config.dataDir, copy, { recursive: true });
      restoredConfig = { kind: 'pglite', dataDir: copy };
    }
    await withDatabase(original.config, async () => {
      await prisma.theme.create({ data: { name: 'written after the backup' } });
    });

    await withDatabase(restoredConfig, async () => {
      expect(await databaseFingerprint()).toBe(backedUp);
      expect(await prisma.theme.count({ where: { name: 'written after the backup' } })).toBe(0);
      expect(await consistencyProblems()).toEqual([]);
      // The migration history came across too: nothing is re-applied, and writes work at once.
      expect(await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NULL`).toEqual([{ n: 0 }]);
      const theme = await prisma.theme.create({ data: { name: 'written after the restore' } });
      expect(theme.id).toBeGreaterThan(0);
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../server/db/database.ts';
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  isEmptyDiff,
  projectSources,
} from '../../server/db/migrations.ts';

// A copy of prisma/ to change freely: the project's own files stay untouched.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-migrations-'));
const sources = { migrationsDir: path.join(dir, 'migrations'), schemaPath: path.join(dir, 'schema.prisma') };
fs.cpSync(projectSources.migrationsDir, sources.migrationsDir, { recursive: true });
fs.copyFileSync(projectSources.schemaPath, sources.schemaPath);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('creating a migration without the native engine', () => {
  it('finds nothing to create when the migrations match the schema', async () => {
    expect(await createMigration('nothing', sources)).toBeUndefined();
  });

  it('writes the SQL for a schema change in Prisma Migrate’s folder format, which then applies cleanly', async () => {
    const schema = fs.readFileSync(sources.schemaPath, 'utf8');
    fs.writeFileSync(sources.schemaPath, schema.replace('  summary        String?\n', '  summary        String?\n  pageCount      Int?\n'));
    const folder = await createMigration('add_page_count', sources, new Date('2030-01-02T03:04:05Z'));
    expect(folder && path.basename(folder)).toBe('20300102030405_add_page_count');
    const sql = fs.readFileSync(path.join(folder!, 'migration.sql'), 'utf8');
    expect(sql).toContain('ALTER TABLE "Report" ADD COLUMN     "pageCount" INTEGER;');
    expect(sql).not.toContain('CREATE EXTENSION');

    const database = await openMemoryDatabase();
    try {
      expect(await applyMigrations(database, sources)).toHaveLength(fs.readdirSync(sources.migrationsDir).length - 1);
      expect(isEmptyDiff(await diffDatabaseToSchema(database, sources))).toBe(true);
    } finally {
      await database.close();
    }
    expect(await createMigration('again', sources)).toBeUndefined();
  });
});

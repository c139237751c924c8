import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { applyMigrations, diffDatabaseToSchema, isEmptyDiff } from '../../server/db/migrations.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

describe(`migrations on ${databaseKind}`, () => {
  it('give exactly what schema.prisma describes', async () => {
    const diff = await diffDatabaseToSchema(db.database());
    expect(diff.trim()).toBe('-- This is an empty migration.');
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('are recorded as Prisma Migrate records them, and a second run applies nothing', async () => {
    const rows = await prisma.$queryRaw<{ migration_name: string; finished: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished)).toBe(true);
    expect(await applyMigrations(db.database())).toEqual([]);
  });

  it('enable pg_trgm for similar-text search', async () => {
    const [row] = await prisma.$queryRaw<{ score: number }[]>`SELECT similarity('risk assessment', 'risk assessments')::float AS score`;
    expect(row!.score).toBeGreaterThan(0.5);
  });
});

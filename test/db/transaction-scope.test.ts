import { describe, expect, it } from 'vitest';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { RootClientInTransactionError } from '../../server/db/transaction-scope.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';

useTestDatabase();

describe(`transactions on ${databaseKind}`, () => {
  it('refuse the root client inside a transaction at once instead of deadlocking, and roll back', async () => {
    const started = Date.now();
    await expect(
      inTransaction(async (tx) => {
        await tx.theme.create({ data: { name: 'written inside' } });
        await prisma.theme.count();
      }),
    ).rejects.toBeInstanceOf(RootClientInTransactionError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await prisma.theme.count({ where: { name: 'written inside' } })).toBe(0);
  });

  it('commit work done through the transaction client', async () => {
    await inTransaction((tx) => tx.theme.create({ data: { name: 'committed' } }));
    expect(await prisma.theme.count({ where: { name: 'committed' } })).toBe(1);
  });

  it('leave the root client usable outside a transaction while one is open elsewhere', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = inTransaction(async (tx) => {
      await tx.theme.create({ data: { name: 'concurrent' } });
      await held;
    });
    // On PGlite this waits for the transaction; it must not be refused.
    const outside = prisma.theme.count();
    release();
    await transaction;
    expect(await outside).toBeGreaterThanOrEqual(1);
  });
});

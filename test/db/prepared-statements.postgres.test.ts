import { describe, expect, it } from 'vitest';
import { prisma, type TransactionClient } from '../../server/db/client.ts';
import { PREPARED_PER_CONNECTION } from '../../server/db/pool.ts';
import { useTestDatabase } from '../support/database.ts';

/**
 * On a PostgreSQL server, where each connection is a session of its own (PGlite's one session is
 * shared by every connection the pool opens to it, so nothing is prepared there), Prisma's
 * statements are prepared once per connection (server/db/database.ts), and a connection
 * keeps a bounded number of them (server/db/pool.ts): Prisma writes `IN` lists with a parameter per
 * value, so a long-lived connection would otherwise keep a plan for every list length it met.
 * An interactive transaction holds one connection, so what it sees prepared is that connection's.
 */
useTestDatabase();

const preparedOnThisConnection = async (tx: TransactionClient) =>
  tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;

const idsUpTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('prepared statements', () => {
  it('prepares what Prisma sends, and answers the same when it is sent again', async () => {
    await prisma.$transaction(async (tx) => {
      const first = await tx.organisation.findMany({ where: { id: { in: [1, 2] } }, select: { id: true } });
      const prepared = await preparedOnThisConnection(tx);
      expect(prepared.filter((row) => row.statement.includes('"Organisation"') && row.statement.includes('IN ($1,$2)'))).toHaveLength(1);
      expect(await tx.organisation.findMany({ where: { id: { in: [1, 2] } }, select: { id: true } })).toEqual(first);
      expect(await preparedOnThisConnection(tx)).toHaveLength(prepared.length);
    });
  });

  it(`keeps at most ${PREPARED_PER_CONNECTION} on a connection, and prepares again one it let go`, async () => {
    const lengths = idsUpTo(PREPARED_PER_CONNECTION + 50);
    await prisma.$transaction(
      async (tx) => {
        for (const n of lengths) await tx.organisation.findMany({ where: { id: { in: idsUpTo(n) } }, select: { id: true } });
        const prepared = await preparedOnThisConnection(tx);
        // The bound, and the one that listed them (prepared last, once the oldest had gone).
        expect(prepared.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION + 1);
        expect(prepared.some((row) => row.statement.includes('IN ($1)'))).toBe(false);
        expect(prepared.some((row) => row.statement.includes(`$${PREPARED_PER_CONNECTION + 50})`))).toBe(true);
        // The first, let go, is prepared again rather than refused as unknown or as already there.
        await tx.organisation.findMany({ where: { id: { in: [1] } }, select: { id: true } });
        expect((await preparedOnThisConnection(tx)).some((row) => row.statement.includes('IN ($1)'))).toBe(true);
      },
      { timeout: 60_000 },
    );
  });
});

import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { useChangeFeed, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, statementsFor, useGraphql } from '../support/graphql.ts';

// Only PostgreSQL has a connection that listens and can be lost; read-cache.test.ts covers the rest on both.
const test = useTestDatabase();
useGraphql();
useDemo();
useChangeFeed(test);

const COUNT = `{ recommendations(first: 1, filter: { statuses: [IMPLEMENTED] }) { totalCount } }`;

const implemented = async () => (await gql(COUNT)).recommendations.totalCount as number;

describe('counts kept in memory on PostgreSQL', () => {
  it('read from the database while the connection that listens is lost, and keep answers again once it is back', async () => {
    const admin = new pg.Client({ connectionString: (test.config() as { url: string }).url });
    await admin.connect();
    try {
      const listeners = async () =>
        (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`)).rows as { pid: number }[];
      const [listener] = await listeners();
      expect(listener).toBeDefined();
      await admin.query('SELECT pg_terminate_backend($1)', [listener!.pid]);
      // While nobody listens, a change written straight to the database must not be missed.
      await vi.waitFor(async () => expect((await statementsFor(COUNT)).count).toBe(1), { timeout: 5000, interval: 20 });
      const before = await implemented();
      await admin.query(`UPDATE "Recommendation" SET status = 'IMPLEMENTED', version = version + 1 WHERE id = (SELECT min(id) FROM "Recommendation" WHERE status <> 'IMPLEMENTED')`);
      expect(await implemented()).toBe(before + 1);
      // Listening again within a few seconds: answers are kept again.
      await vi.waitFor(async () => expect(await listeners()).toHaveLength(1), { timeout: 10_000, interval: 100 });
      await vi.waitFor(async () => {
        await statementsFor(COUNT);
        expect((await statementsFor(COUNT)).count).toBe(0);
      }, { timeout: 5000, interval: 50 });
      expect(await implemented()).toBe(before + 1);
    } finally {
      await admin.end();
    }
  });
});

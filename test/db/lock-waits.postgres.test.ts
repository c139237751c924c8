import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationLimits } from '../../server/config.ts';
import { prisma } from '../../server/db/client.ts';
import type { RunningServer } from '../../server/server.ts';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { demoRecords } from '../support/demo.ts';
import { postGraphql, signInOverHttp, startTestServer } from '../support/server.ts';

/**
 * A row held by another transaction (a script, a long migration): a write to it waits for the
 * lock. It must end cleanly, as a busy server (503 SERVER_BUSY) within its transaction's time, or
 * at the operation's deadline (503 TIMEOUT) when that comes first, and change nothing.
 * (The embedded database has one session: nothing else can hold a lock there.)
 */
let created: TestDatabaseConfig;
let server: RunningServer;
let hurried: RunningServer;
let holder: pg.Client;
beforeAll(async () => {
  created = await createTestDatabase();
  server = await startTestServer(created.config);
  hurried = await startTestServer(created.config, { operations: operationLimits(8, undefined, 20, 0.5) });
  holder = new pg.Client({ connectionString: (created.config as { url: string }).url });
  await holder.connect();
});
afterAll(async () => {
  await holder.end();
  await hurried.close();
  await server.close();
  await created.drop();
});

const update = 'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { version } }';

async function whileHeld<T>(id: number, work: () => Promise<T>): Promise<T> {
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM "Recommendation" WHERE id = $1 FOR UPDATE', [id]);
  try {
    return await work();
  } finally {
    await holder.query('ROLLBACK');
  }
}

describe(`a write that waits on a lock, on ${databaseKind}`, () => {
  it('is answered SERVER_BUSY with 503 and Retry-After once it has waited its time, and changes nothing', async () => {
    const rec = (await demoRecords()).rec(2023, 'R6');
    const { cookie } = await signInOverHttp(server.url, 'admin@example.org', 'admin-demo-2026');
    const historyBefore = await prisma.historyEvent.count();
    const started = performance.now();
    const answer = await whileHeld(rec.dbId, () =>
      postGraphql(server.url, update, { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, { cookie }),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVER_BUSY']);
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.dbId } })).version).toBe(rec.version);
    expect(await prisma.historyEvent.count()).toBe(historyBefore);
  });

  it('is stopped at the operation’s deadline when that comes first: TIMEOUT, its statement cancelled', async () => {
    const rec = (await demoRecords()).rec(2023, 'R7');
    const { cookie } = await signInOverHttp(hurried.url, 'admin@example.org', 'admin-demo-2026');
    const started = performance.now();
    const answer = await whileHeld(rec.dbId, async () => {
      const answer = await postGraphql(hurried.url, update, { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, { cookie });
      // Nothing of the server's is still waiting for the row.
      const waiting = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'recommendation-tracker' AND wait_event_type = 'Lock'`);
      expect(waiting.rows[0].n).toBe(0);
      return answer;
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer.status).toBe(503);
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['TIMEOUT']);
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.dbId } })).version).toBe(rec.version);
  });
});

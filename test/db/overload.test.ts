import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { markCommitted, OperationStoppedError, runOperation } from '../../server/db/operation-scope.ts';
import { healthRouter } from '../../server/http/health.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { execute, READER, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
useGraphql();

let url: string;
let close: () => void;
beforeAll(async () => {
  const app = express().use(healthRouter(test.database(), () => true));
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  close = () => listener.close();
});
afterAll(() => close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` as an operation that stops after `ms`, and how long it took to settle. */
async function withDeadline(ms: number, work: () => Promise<unknown>) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new OperationStoppedError('deadline')), ms);
  const started = performance.now();
  const outcome = await runOperation(controller.signal, work).then(
    () => 'finished',
    (error: unknown) => error,
  );
  clearTimeout(timer);
  return { outcome, elapsed: performance.now() - started };
}

describe(`an operation's database work on ${databaseKind}`, () => {
  it('stops at its deadline: no statement starts after it, and on PostgreSQL the running one is cancelled', async () => {
    await prisma.$executeRaw`SELECT set_config('tracker.reached', 'no', false)`;
    const { outcome, elapsed } = await withDeadline(300, async () => {
      await prisma.$queryRaw`SELECT pg_sleep(2)::text`;
      await prisma.$queryRaw`SELECT set_config('tracker.reached', 'yes', false)`;
    });
    expect(outcome).not.toBe('finished');
    if (databaseKind === 'postgres') {
      // Cancelled on the server within moments of the deadline, not after the two seconds.
      expect(elapsed).toBeLessThan(1500);
      const [activity] = await prisma.$queryRaw<{ sleeping: number }[]>`
        SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE query LIKE '%pg_sleep(2)%' AND state = 'active' AND pid <> pg_backend_pid()`;
      expect(activity?.sleeping).toBe(0);
    } else {
      // The embedded database cannot interrupt a statement: it ends, and nothing after it runs.
      expect(elapsed).toBeGreaterThan(1500);
      const [setting] = await prisma.$queryRaw<{ reached: string }[]>`SELECT current_setting('tracker.reached') AS reached`;
      expect(setting?.reached).toBe('no');
    }
  });

  it('ends the transaction of an operation stopped inside it, so its connection serves the next one afresh', async () => {
    const { outcome } = await withDeadline(200, () =>
      inTransaction(async (tx) => {
        await tx.$queryRaw`SELECT pg_sleep(0.5)::text`;
        await tx.$executeRaw`UPDATE "Theme" SET name = name`;
      }),
    );
    expect(outcome).not.toBe('finished');
    // Outside any transaction: two statements see two different clocks (inside one, now() stands still).
    const [first] = await prisma.$queryRaw<{ at: Date }[]>`SELECT now() AS at`;
    await sleep(20);
    const [second] = await prisma.$queryRaw<{ at: Date }[]>`SELECT now() AS at`;
    expect(second!.at.getTime()).toBeGreaterThan(first!.at.getTime());
  });

  it('still reads the answer of an operation that committed its write before the deadline', async () => {
    const theme = await prisma.theme.create({ data: { name: `Committed past the deadline ${Date.now()}` } });
    const { outcome } = await withDeadline(150, async () => {
      await inTransaction((tx) => tx.$executeRaw`UPDATE "Theme" SET name = name || ' (renamed)' WHERE id = ${theme.id}`);
      markCommitted();
      await sleep(300);
      // Past the deadline: the write stands, so its answer is still read rather than cut off.
      const [read] = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM "Theme" WHERE id = ${theme.id}`;
      expect(read?.name).toBe(`${theme.name} (renamed)`);
    });
    expect(outcome, String(outcome)).toBe('finished');
    await prisma.theme.delete({ where: { id: theme.id } });
  });

  it('starts nothing at all for an operation already stopped, and frees the connection it waited for', async () => {
    const { outcome } = await withDeadline(0, async () => {
      await sleep(10);
      await prisma.$queryRaw`SELECT 1`;
    });
    expect(outcome).toBeInstanceOf(Error);
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});

describe(`a busy database, on ${databaseKind}`, () => {
  it('answers SERVER_BUSY, not an internal error, when no connection comes free in time', async () => {
    // Every pooled connection (the embedded database has one) held past the pool's 5 s wait.
    const held = Array.from({ length: databaseKind === 'postgres' ? 5 : 1 }, () => prisma.$queryRaw`SELECT pg_sleep(6.5)::text`.then((rows) => rows));
    await sleep(200);
    const result = await execute('{ reports(first: 1) { totalCount } }', {}, READER);
    await Promise.all(held);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['SERVER_BUSY']);
    expect(result.status).toBe(503);
  }, 30_000);
});

describe(`health while the database is busy, on ${databaseKind}`, () => {
  it('answers /healthz within a second and never 503 while every connection works on a long statement', async () => {
    // Every pooled connection busy for two seconds (the embedded database has one).
    const busy = Array.from({ length: databaseKind === 'postgres' ? 5 : 1 }, () => prisma.$queryRaw`SELECT pg_sleep(2)::text`);
    const probes: { status: number; ms: number }[] = [];
    let lag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      lag = Math.max(lag, now - last - 20);
      last = now;
    }, 20);
    const until = performance.now() + 1800;
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(`${url}/healthz`);
      await response.json();
      probes.push({ status: response.status, ms: performance.now() - started });
      await sleep(100);
    }
    clearInterval(ticker);
    await Promise.all(busy);
    expect(probes.length).toBeGreaterThan(5);
    expect(probes.filter((probe) => probe.status !== 200)).toEqual([]);
    expect(Math.max(...probes.map((probe) => probe.ms))).toBeLessThan(1000);
    // The server's own thread keeps turning: the embedded database works on a thread of its own.
    expect(lag).toBeLessThan(250);
  });
});

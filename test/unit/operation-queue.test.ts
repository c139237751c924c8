import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { operationQueue } from '../../server/http/operation-queue.ts';

// A real HTTP server whose handler waits until the test lets each request finish.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

// Operations named in `immediate` answer at once, without I/O, as PGlite does.
async function serve(options: { concurrency: number; maxWaitMs: number }, immediate: string[] = []) {
  const queue = operationQueue(options);
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const app = express();
  app.post(
    '/graphql',
    queue.wrap(async (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      if (!immediate.includes(name)) await new Promise<void>((resolve) => finish.set(name, resolve));
      res.json({ data: { name } });
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = (name: string, signal?: AbortSignal) => fetch(`${url}?name=${name}`, { method: 'POST', signal });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { queue, started, finish: (name: string) => finish.get(name)!(), post, until };
}

describe('the operation queue', () => {
  it('runs at most so many operations at once, and the others in the order they arrived', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 2, maxWaitMs: 10_000 });
    const answers = ['a', 'b', 'c', 'd'].map((name) => post(name));
    await until(() => queue.stats().waiting === 2);
    expect(started).toEqual(['a', 'b']);
    expect(queue.stats()).toEqual({ running: 2, waiting: 2 });
    finish('b');
    await until(() => started.length === 3);
    expect(started).toEqual(['a', 'b', 'c']);
    finish('a');
    finish('c');
    await until(() => started.length === 4);
    finish('d');
    const bodies = await Promise.all(answers.map(async (answer) => (await (await answer).json()) as { data: { name: string } }));
    expect(bodies.map((body) => body.data.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('answers 503 SERVER_BUSY to an operation that waited too long, and skips one whose client has gone', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, maxWaitMs: 100 });
    const first = post('first');
    await until(() => started.length === 1);
    const gone = new AbortController();
    const abandoned = post('abandoned', gone.signal).catch(() => null);
    const late = post('late');
    await until(() => queue.stats().waiting === 2);
    gone.abort();
    await abandoned;
    await new Promise((resolve) => setTimeout(resolve, 150));
    finish('first');
    expect((await first).status).toBe(200);
    const refused = await late;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({ errors: [{ message: 'The server is busy. Try again in a few seconds.', extensions: { code: 'SERVER_BUSY' } }] });
    expect(started).toEqual(['first']);
  });

  it('lets the event loop turn between operations that answer without I/O, so new requests are read', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, maxWaitMs: 10_000 }, ['b', 'c', 'd']);
    const answers = ['a', 'b', 'c', 'd'].map((name) => post(name));
    await until(() => queue.stats().waiting === 3);
    // A turn of the event loop, as reading a new connection would take: it must come before b, c and d run back to back.
    setImmediate(() => started.push('turn'));
    finish('a');
    await Promise.all(answers);
    expect(started).toEqual(['a', 'turn', 'b', 'c', 'd']);
  });
});

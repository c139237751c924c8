import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { currentOperation, OperationStoppedError } from '../../server/db/operation-scope.ts';
import { operationQueue, type OperationQueueOptions } from '../../server/http/operation-queue.ts';

// A real HTTP server whose handler waits until the test lets each request finish.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

const defaults: OperationQueueOptions = { concurrency: 2, perCaller: 2, waitingPerCaller: 100, maxWaitMs: 10_000, deadlineMs: 10_000, heavyConcurrency: 2 };

// Operations named in `immediate` answer at once, without I/O, as PGlite does.
// Operations whose names start with "heavy" are heavy.
async function serve(options: Partial<OperationQueueOptions>, immediate: string[] = []) {
  const queue = operationQueue({ ...defaults, ...options }, (req) => String(req.query.name).startsWith('heavy'));
  const started: string[] = [];
  const stopped = new Map<string, unknown>();
  const finish = new Map<string, () => void>();
  const app = express();
  // As the GraphQL router identifies callers before the queue: here, by the credential they send.
  app.use((req, res, next) => {
    res.locals.caller = req.headers.authorization;
    next();
  });
  app.post(
    '/graphql',
    queue.wrap(async (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      const signal = currentOperation()!.signal;
      signal.addEventListener('abort', () => stopped.set(name, signal.reason));
      if (!immediate.includes(name)) await new Promise<void>((resolve) => finish.set(name, resolve));
      if (!res.destroyed) res.json({ data: { name } });
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  // Each caller sends its own credential, as a script's API token would.
  const post = (name: string, caller = 'one', signal?: AbortSignal) =>
    fetch(`${url}?name=${name}`, { method: 'POST', signal, headers: { authorization: `Bearer ${caller}` } });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { queue, started, stopped, finish: (name: string) => finish.get(name)!(), post, until };
}

describe('the operation queue', () => {
  it('runs at most so many operations at once, and one caller’s others in the order they arrived', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 2 });
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

  it('never lets one caller take every turn: another caller’s operation runs beside theirs', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 3, perCaller: 2 });
    const greedy = ['g1', 'g2', 'g3', 'g4'].map((name) => post(name, 'greedy'));
    await until(() => queue.stats().waiting === 2);
    expect(started).toEqual(['g1', 'g2']);
    const light = post('light', 'light');
    await until(() => started.length === 3);
    expect(started).toEqual(['g1', 'g2', 'light']);
    finish('light');
    expect((await light).status).toBe(200);
    for (const name of ['g1', 'g2']) finish(name);
    await until(() => started.length === 5);
    for (const name of ['g3', 'g4']) finish(name);
    await Promise.all(greedy);
  });

  it('gives a free turn to the caller who has used the server least, ahead of one who asked first', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, perCaller: 1 });
    const busy = post('busy1', 'busy');
    await until(() => started.length === 1);
    // Well past the use that counts as about equal (a fifth of a second).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const queued = post('busy2', 'busy');
    await until(() => queue.stats().waiting === 1);
    const light = post('light', 'light');
    await until(() => queue.stats().waiting === 2);
    finish('busy1');
    await until(() => started.length === 2);
    expect(started).toEqual(['busy1', 'light']);
    finish('light');
    await until(() => started.length === 3);
    finish('busy2');
    expect((await Promise.all([busy, queued, light])).map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it('serves callers of about equal use in the order their operations arrived', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, perCaller: 1 });
    // One caller has used the server for a twentieth of a second, the other not at all.
    const warm = post('warm', 'first');
    await until(() => started.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish('warm');
    await warm;
    const running = post('running', 'third');
    await until(() => started.length === 2);
    const earlier = post('earlier', 'first');
    await until(() => queue.stats().waiting === 1);
    const later = post('later', 'second');
    await until(() => queue.stats().waiting === 2);
    finish('running');
    await until(() => started.length === 3);
    expect(started).toEqual(['warm', 'running', 'earlier']);
    finish('earlier');
    await until(() => started.length === 4);
    finish('later');
    expect((await Promise.all([running, earlier, later])).map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it('keeps turns for light operations however many heavy ones are waiting', async () => {
    const { started, finish, post, until } = await serve({ concurrency: 3, perCaller: 3, heavyConcurrency: 1 });
    const heavy = ['heavy1', 'heavy2', 'heavy3'].map((name, i) => post(name, `script ${i}`));
    await until(() => started.length === 1);
    const light = post('light', 'person');
    await until(() => started.length === 2);
    expect(started).toEqual(['heavy1', 'light']);
    finish('light');
    expect((await light).status).toBe(200);
    finish('heavy1');
    await until(() => started.length === 3);
    finish(started[2]!);
    await until(() => started.length === 4);
    finish(started[3]!);
    expect((await Promise.all(heavy)).map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it('refuses at once what a caller sends past its share of waiting places', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, perCaller: 1, waitingPerCaller: 1 });
    const first = post('first');
    await until(() => started.length === 1);
    const second = post('second');
    await until(() => queue.stats().waiting === 1);
    const third = await post('third');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(await third.json()).toEqual({ errors: [{ message: 'The server is busy. Try again in a few seconds.', extensions: { code: 'SERVER_BUSY' } }] });
    finish('first');
    await until(() => started.length === 2);
    finish('second');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('answers 503 SERVER_BUSY to an operation that waited too long, and skips one whose client has gone', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1, maxWaitMs: 100 });
    const first = post('first');
    await until(() => started.length === 1);
    const gone = new AbortController();
    const abandoned = post('abandoned', 'one', gone.signal).catch(() => null);
    await until(() => queue.stats().waiting === 1);
    gone.abort();
    await abandoned;
    await until(() => queue.stats().waiting === 0);
    const late = post('late');
    await until(() => queue.stats().waiting === 1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    finish('first');
    expect((await first).status).toBe(200);
    const refused = await late;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(started).toEqual(['first']);
  });

  it('stops an operation at its deadline, and when its client goes away', async () => {
    const { started, stopped, finish, post, until } = await serve({ concurrency: 2, deadlineMs: 100 });
    const slow = post('slow');
    await until(() => stopped.has('slow'));
    expect(stopped.get('slow')).toEqual(new OperationStoppedError('deadline'));
    finish('slow');
    expect((await slow).status).toBe(200);

    const gone = new AbortController();
    const abandoned = post('abandoned', 'two', gone.signal).catch(() => null);
    await until(() => started.includes('abandoned'));
    gone.abort();
    await abandoned;
    await until(() => stopped.has('abandoned'));
    expect((stopped.get('abandoned') as OperationStoppedError).reason).toBe('gone');
    finish('abandoned');
  });

  it('lets the event loop turn between operations that answer without I/O, so new requests are read', async () => {
    const { queue, started, finish, post, until } = await serve({ concurrency: 1 }, ['b', 'c', 'd']);
    const answers = ['a', 'b', 'c', 'd'].map((name) => post(name));
    await until(() => queue.stats().waiting === 3);
    // A turn of the event loop, as reading a new connection would take: it must come before b, c and d run back to back.
    setImmediate(() => started.push('turn'));
    finish('a');
    await Promise.all(answers);
    expect(started).toEqual(['a', 'turn', 'b', 'c', 'd']);
  });
});

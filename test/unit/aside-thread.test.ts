import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AsideThread, AsideThreadOutOfMemory } from '../../server/threads/aside-thread.ts';
import type { TestJob } from '../support/aside-thread-worker.ts';

/**
 * The aside thread does long work off the main thread; a job that never ends is stopped at its
 * operation's deadline and one that eats memory fails alone, and the jobs after either are done.
 */
const thread = new AsideThread<TestJob, string>('test', new URL('../support/aside-thread-worker.ts', import.meta.url), 64);

/** The longest the main thread went without a turn while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { result, stallMs };
}

describe('an aside thread', () => {
  it('does jobs off the main thread, in turn, and answers a refusal as it was made', async () => {
    expect(await Promise.all([thread.run({ kind: 'echo', value: 'one' }), thread.run({ kind: 'echo', value: 'two' })])).toEqual(['one from the thread', 'two from the thread']);
    // Three jobs sent at once run one after another, in the order sent: each starts after the one before ends.
    const spans = (await Promise.all([1, 2, 3].map(() => thread.run({ kind: 'busy', ms: 150 })))).map((span) => String(span).split('-').map(Number));
    for (const [index, [start]] of spans.entries()) if (index > 0) expect(start).toBeGreaterThanOrEqual(spans[index - 1]![1]!);
    const refusal = await thread.run({ kind: 'refuse' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect(refusal).toMatchObject({ message: 'text: this cannot be read', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['text'] }] } });
    const failure = await thread.run({ kind: 'fail' }).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(GraphQLError);
    expect((failure as Error).message).toBe('a parser failed');
  }, 60_000);

  it('stops a job that never ends at its deadline, keeping the main thread free meanwhile, and does the next', async () => {
    await thread.run({ kind: 'echo', value: 'warm' });
    const deadline = AbortSignal.timeout(500);
    const waiting = new AbortController();
    const started = performance.now();
    const spinning = thread.run({ kind: 'spin' }, deadline);
    // Waiting behind it: given up by its own operation before its turn.
    const givenUp = expect(thread.run({ kind: 'echo', value: 'never' }, waiting.signal)).rejects.toThrow('the client went away');
    const after = thread.run({ kind: 'echo', value: 'after' });
    waiting.abort(new Error('the client went away'));
    const { result, stallMs } = await longestStall(spinning);
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toBe(deadline.reason);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stallMs).toBeLessThan(400);
    await givenUp;
    expect(await after).toBe('after from the thread');
  }, 60_000);

  it('fails a job that needs more memory than the thread may have, and only that job', async () => {
    const hoarding = thread.run({ kind: 'hoard' });
    const after = thread.run({ kind: 'echo', value: 'after' });
    await expect(hoarding).rejects.toBeInstanceOf(AsideThreadOutOfMemory);
    expect(await after).toBe('after from the thread');
  }, 60_000);
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatEvery } from '../../server/periodic.ts';

afterEach(() => vi.useRealTimers());

describe('work repeated on a timer', () => {
  it('runs at once and on each interval, never twice at the same time, and stopping waits for the run under way', async () => {
    vi.useFakeTimers();
    let finish = () => {};
    let started = 0;
    let finished = 0;
    const stop = repeatEvery(1000, () => {
      started++;
      return new Promise<void>((resolve) => (finish = () => { finished++; resolve(); }));
    });
    expect(started).toBe(1);
    // The first run outlasts two intervals: it is not started again beside itself.
    await vi.advanceTimersByTimeAsync(2500);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(finished).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toBe(2);
  });

  it('can wait for the first interval before its first run', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const stop = repeatEvery(1000, async () => void runs++, { startNow: false });
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    await stop();
  });
});

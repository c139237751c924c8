/**
 * Work a server process repeats on a timer (housekeeping, reminder digests, learning paraphrases):
 * one run at a time in this process (a run that outlasts the interval is not started again
 * beside itself), the timer never keeps the process alive, and stopping waits for a run under way
 * so that it ends before the database closes. The task reports its own failures.
 */
export function repeatEvery(intervalMs: number, task: () => Promise<void>, { startNow = true }: { startNow?: boolean } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= task().finally(() => (running = null));
  };
  if (startNow) run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * How many rows' probable repeats the intake screen asks for at once, while the inspector reads the
 * preview: the rest wait their turn rather than crowd the server. The repeats evaluation
 * (test/eval/repeats.ts) times a whole report the same way.
 */
export const SEEKING_AT_ONCE = 3;

/** Does `work` for each item, `atOnce` at a time, each next item taken as one ends. */
export async function inTurns<T>(items: readonly T[], work: (item: T) => Promise<void>, atOnce = SEEKING_AT_ONCE): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: atOnce }, worker));
}

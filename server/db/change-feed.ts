import type { Database } from './database.ts';

/**
 * Knows when the records may have changed, so that reads can be kept in memory
 * until then (read-cache.ts). Every change to them is announced by the database
 * itself at commit (the tracker_changes triggers, whoever writes); this
 * process's own commits also count at once, so a client that has its answer to
 * a write never then reads what came before it.
 */
export const CHANGES_CHANNEL = 'tracker_changes';

let generation = 0;
let following = false;

/**
 * A number that moves on with every change, or null while changes cannot be
 * heard (not yet listening, or the connection that listens was lost): then
 * nothing may be served from memory.
 */
export function changeGeneration(): number | null {
  return following ? generation : null;
}

/** A change committed by this process. */
export function noteChange(): void {
  generation++;
}

/** Starts listening for changes on the database; returns how to stop. */
export async function followChanges(database: Database): Promise<() => Promise<void>> {
  const stop = await database.listen(CHANGES_CHANNEL, {
    onNotification: noteChange,
    onListening: () => {
      // Whatever changed while nobody listened is unknown: start afresh.
      generation++;
      following = true;
    },
    onLost: () => {
      following = false;
    },
  });
  return async () => {
    following = false;
    await stop();
  };
}

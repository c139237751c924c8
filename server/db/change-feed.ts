import type { Database } from './database.ts';

/**
 * Knows when the records may have changed, so that reads that scan many rows (counts, the
 * dashboard) can be kept in memory until then (read-cache.ts). Every change to the records is
 * announced by the database itself at commit (the tracker_changes triggers), whoever writes: this
 * process, another server process on the same database, a script. This process's own commits also
 * count at once, so a client that has its answer to a write never then reads what came before it;
 * another process hears of it as soon as PostgreSQL delivers the notification (milliseconds).
 *
 * One feed for everything: who may sign in is not on it (sessions and tokens are kept for
 * seconds only, auth/access-cache.ts), so signing in and using a session change nothing here.
 */
export const CHANGES_CHANNEL = 'tracker_changes';

let generation = 0;
let following = false;

/**
 * A number that moves on with every change to the records, or null while changes cannot be heard
 * (not yet listening, or the connection that listens was lost): then nothing may be served from
 * memory.
 */
export function changeGeneration(): number | null {
  return following ? generation : null;
}

/** A change to the records committed by this process, or heard from the database. */
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

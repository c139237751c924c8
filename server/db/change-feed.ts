import type { Database } from './database.ts';
import { transactionScope } from './transaction-scope.ts';

/**
 * Knows when the records may have changed, so that reads can be kept in memory
 * until then (read-cache.ts). Every change to them is announced by the database
 * itself at commit (the tracker_changes triggers, whoever writes); this
 * process's own commits also count at once, so a client that has its answer to
 * a write never then reads what came before it.
 *
 * Two feeds: `records`, what reports, recommendations and the rest are built
 * from; and `access`, who may sign in and as what (sessions, API tokens,
 * users, organisations), announced with the payload 'access'.
 */
export const CHANGES_CHANNEL = 'tracker_changes';

export type Feed = 'records' | 'access';

const generations: Record<Feed, number> = { records: 0, access: 0 };
let following = false;

/**
 * A number that moves on with every change on the feed, or null while changes
 * cannot be heard (not yet listening, or the connection that listens was lost):
 * then nothing may be served from memory.
 */
export function changeGeneration(feed: Feed = 'records'): number | null {
  return following ? generations[feed] : null;
}

/** A change on the feed committed by this process, or heard from the database. */
export function noteChange(feed: Feed = 'records'): void {
  generations[feed]++;
}

/**
 * A change to access made by this process: counted when its transaction
 * commits (a session read meanwhile would still see the old row), or at once
 * outside one, after the write.
 */
export function noteAccessChange(): void {
  const scope = transactionScope.getStore();
  if (scope) scope.changed.add('access');
  else noteChange('access');
}

/** Starts listening for changes on the database; returns how to stop. */
export async function followChanges(database: Database): Promise<() => Promise<void>> {
  const stop = await database.listen(CHANGES_CHANNEL, {
    onNotification: (payload) => noteChange(payload === 'access' ? 'access' : 'records'),
    onListening: () => {
      // Whatever changed while nobody listened is unknown: start afresh.
      generations.records++;
      generations.access++;
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

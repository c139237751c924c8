import type { Database } from './database.ts';
import { transactionScope } from './transaction-scope.ts';

/**
 * Knows when the records may have changed, so that reads can be kept in memory
 * until then (read-cache.ts). Every change to them is announced by the database
 * itself at commit (the tracker_changes triggers, whoever writes); this
 * process's own commits also count at once, so a client that has its answer to
 * a write never then reads what came before it.
 *
 * Feeds:
 * - `records`: everything reports, recommendations and the rest are built from
 *   (the payload '');
 * - `access`: who may sign in and as what (sessions, API tokens, users,
 *   organisations), announced with the payload 'access';
 * - `organisations` and `reports`: those tables alone (with the links between
 *   reports), so that rows read from
 *   nothing else (an owner's name, a report's title) outlive changes to
 *   recommendations and their plans. Every change to them is a change to the
 *   records too.
 */
export const CHANGES_CHANNEL = 'tracker_changes';

export type Feed = 'records' | 'access' | 'organisations' | 'reports';
/** Feeds this process notes its own changes to as it makes them; `records` counts every commit. */
export type NotedFeed = Exclude<Feed, 'records'>;

const generations: Record<Feed, number> = { records: 0, access: 0, organisations: 0, reports: 0 };
const FEEDS = Object.keys(generations) as Feed[];
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
 * A change on `feed` made by this process: counted when its transaction
 * commits (a read meanwhile would still see the old rows and keep them), or at
 * once outside one, after the write.
 */
export function noteChangeAtCommit(feed: NotedFeed): void {
  const scope = transactionScope.getStore();
  if (scope) scope.changed.add(feed);
  else noteChange(feed);
}

/** A change to who may sign in and as what, made by this process. */
export function noteAccessChange(): void {
  noteChangeAtCommit('access');
}

/** Starts listening for changes on the database; returns how to stop. */
export async function followChanges(database: Database): Promise<() => Promise<void>> {
  const stop = await database.listen(CHANGES_CHANNEL, {
    onNotification: (payload) => noteChange(FEEDS.includes(payload as Feed) ? (payload as Feed) : 'records'),
    onListening: () => {
      // Whatever changed while nobody listened is unknown: start afresh.
      for (const feed of FEEDS) generations[feed]++;
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

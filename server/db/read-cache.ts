import { changeGeneration, type Feed } from './change-feed.ts';

/** Since the process started, for the metrics endpoint. */
export const readCacheStats = { hits: 0, misses: 0 };

type Entry = { generation: string; value: Promise<unknown> };
const caches: { feeds: Feed[]; entries: Map<string, Entry> }[] = [];

/** Where every feed named stands, or null while changes cannot be heard. */
export function generationOf(feeds: Feed[]): string | null {
  let generation = '';
  for (const feed of feeds) {
    const at = changeGeneration(feed);
    if (at === null) return null;
    generation += `${at}:`;
  }
  return generation;
}

/**
 * Answers kept in memory until a change on one of `feeds` is heard, the least
 * recently used going first past `capacity`. A reader passes a key that names
 * everything the answer depends on besides the records (the filter, the day).
 * Readers that ask at once while an answer is being computed share it. While
 * changes cannot be heard, every read goes to the database.
 */
export function readCache(feeds: Feed | Feed[], capacity: number) {
  const entries = new Map<string, Entry>();
  const watched = typeof feeds === 'string' ? [feeds] : feeds;
  caches.push({ feeds: watched, entries });
  return function read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const generation = generationOf(watched);
    if (generation === null) return load();
    const kept = entries.get(key);
    if (kept && kept.generation === generation) {
      readCacheStats.hits++;
      // Most recently used last, so that the first entry is the one to evict.
      entries.delete(key);
      entries.set(key, kept);
      return kept.value as Promise<T>;
    }
    readCacheStats.misses++;
    const value = load();
    entries.delete(key);
    entries.set(key, { generation, value });
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    // A failed read is not kept: the next reader tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}

/** Reads that scan many rows (counts, the dashboard), kept until the records change. */
export const cachedRead = readCache('records', 500);

/** Signed-in sessions and API tokens, kept until who may sign in changes. */
export const cachedAccess = readCache('access', 1000);

/** Forgets every kept answer, or those that a change on one feed would drop (tests, the benchmark). */
export function clearReadCache(feed?: Feed): void {
  for (const cache of caches) if (!feed || cache.feeds.includes(feed)) cache.entries.clear();
}

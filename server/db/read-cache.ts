import { LRUCache } from 'lru-cache';
import { changeGeneration } from './change-feed.ts';

/** Since the process started, for the metrics endpoint. */
export const readCacheStats = { hits: 0, misses: 0 };

type Entry = { generation: number; value: Promise<unknown> };

/** The least recently used goes first past this many. */
const CAPACITY = 500;
const entries = new LRUCache<string, Entry>({ max: CAPACITY });

/**
 * Answers that scan many rows (a list's totalCount, the dashboard), kept in memory until the
 * records change (change-feed.ts): the one cache of what the records say. A reader passes a key
 * that names everything the answer depends on besides the records (the filter, the day). Readers
 * that ask at once while an answer is being computed share it. While changes cannot be heard,
 * every read goes to the database.
 */
export function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const generation = changeGeneration();
  if (generation === null) return load();
  const kept = entries.get(key);
  if (kept && kept.generation === generation) {
    readCacheStats.hits++;
    return kept.value as Promise<T>;
  }
  readCacheStats.misses++;
  const value = load();
  entries.set(key, { generation, value });
  // A failed read is not kept: the next reader tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets every kept answer (tests, the benchmark). */
export function clearReadCache(): void {
  entries.clear();
}

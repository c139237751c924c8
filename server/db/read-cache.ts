import { changeGeneration } from './change-feed.ts';

/** How many answers are kept; the least recently used go first. */
const CAPACITY = 500;
const entries = new Map<string, { generation: number; value: Promise<unknown> }>();
/** Since the process started, for the metrics endpoint. */
export const readCacheStats = { hits: 0, misses: 0 };

/**
 * Reads that scan many rows (counts, the dashboard) are answered from memory
 * until the records change: `key` must name everything the answer depends on
 * besides the records (the filter, the day). Readers that ask at once while an
 * answer is being computed share it. While changes cannot be heard, every read
 * goes to the database.
 */
export function cachedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const generation = changeGeneration();
  if (generation === null) return read();
  const kept = entries.get(key);
  if (kept && kept.generation === generation) {
    readCacheStats.hits++;
    // Most recently used last, so that the first entry is the one to evict.
    entries.delete(key);
    entries.set(key, kept);
    return kept.value as Promise<T>;
  }
  readCacheStats.misses++;
  const value = read();
  entries.delete(key);
  entries.set(key, { generation, value });
  if (entries.size > CAPACITY) entries.delete(entries.keys().next().value!);
  // A failed read is not kept: the next reader tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets every kept answer (tests). */
export function clearReadCache(): void {
  entries.clear();
}

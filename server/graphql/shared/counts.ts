import { cachedRead } from '../../db/read-cache.ts';

/**
 * A list's totalCount: counting reads every matching row, so the answer is kept
 * in memory until the records change (read-cache.ts). `where` is the whole of
 * what is counted; a filter on today's date carries that date in it.
 */
export function countOf(model: string, where: object, count: (where: object) => Promise<number>): Promise<number> {
  return cachedRead(`count ${model} ${JSON.stringify(where)}`, () => count(where));
}

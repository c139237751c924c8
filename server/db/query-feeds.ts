import type { Feed } from './change-feed.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import { readCache } from './read-cache.ts';

/** Tables whose changes have a feed of their own (change-feed.ts), by model. */
const OWN_FEED: Partial<Record<string, Feed>> = { Organisation: 'organisations', Report: 'reports' };

const { models } = getDatamodel().datamodel;

/** The model a relation field of `model` leads to, or undefined for a column. */
function relatedModel(model: string, field: string): string | undefined {
  const found = models[model]?.fields.find((candidate) => candidate.name === field);
  return found?.kind === 'object' ? found.type : undefined;
}

type Selection = { select?: Record<string, unknown>; include?: Record<string, unknown> } | null | undefined;

/** The models a Prisma query of `model` reads rows of: its own and those of every relation it selects, includes or counts. */
function modelsRead(model: string, query: Selection, into: Set<string>): Set<string> {
  into.add(model);
  for (const fields of [query?.select, query?.include]) {
    for (const [field, value] of Object.entries(fields ?? {})) {
      if (!value) continue;
      if (field === '_count') {
        const counted = value === true ? null : (value as Selection)?.select;
        // Counting every relation reads them all.
        const relations = counted ? Object.keys(counted) : (models[model]?.fields.filter((f) => f.kind === 'object').map((f) => f.name) ?? []);
        for (const relation of relations) into.add(relatedModel(model, relation) ?? 'unknown');
        continue;
      }
      const related = relatedModel(model, field);
      if (related) modelsRead(related, value === true ? null : (value as Selection), into);
    }
  }
  return into;
}

/**
 * The feeds whose changes can change what a Prisma query of `model` answers:
 * the tables' own feeds when it reads only tables that have one, else every
 * change to the records. A filter inside it could reach any table, so one
 * counts as reading the records.
 */
export function feedsOf(model: string, query: object): Feed[] {
  if (JSON.stringify(query).includes('"where"')) return ['records'];
  const feeds = new Set<Feed>();
  for (const read of modelsRead(model, query as Selection, new Set())) {
    const feed = OWN_FEED[read];
    if (!feed) return ['records'];
    feeds.add(feed);
  }
  return [...feeds].sort();
}

const caches = new Map<string, ReturnType<typeof readCache>>();

/**
 * Rows of a Prisma query of `model`, kept in memory until the tables it reads
 * change: an owner's name outlives a change to a recommendation. `key` names
 * everything else the rows depend on (the ids, the query).
 */
export function cachedRows<T>(model: string, query: object, key: string, load: () => Promise<T>): Promise<T> {
  const feeds = feedsOf(model, query);
  const name = feeds.join(',');
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = readCache(feeds, 500)));
  return cache(key, load);
}

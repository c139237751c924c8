import type { Feed } from './change-feed.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import { cachedRead, readCache } from './read-cache.ts';

/** Tables whose changes have a feed of their own (change-feed.ts), by model. */
const OWN_FEED: Partial<Record<string, Feed>> = { Organisation: 'organisations', Report: 'reports' };

const { models } = getDatamodel().datamodel;

/** The model a relation field of `model` leads to, or undefined for a column. */
function relatedModel(model: string, field: string): string | undefined {
  const found = models[model]?.fields.find((candidate) => candidate.name === field);
  return found?.kind === 'object' ? found.type : undefined;
}

type Query = Record<string, unknown> | null | undefined;

/** An `orderBy` (one or a list) that sorts by columns of `model` only. */
function ordersByColumns(model: string, orderBy: unknown): boolean {
  return (Array.isArray(orderBy) ? orderBy : [orderBy]).every(
    (order) => typeof order === 'object' && order !== null && Object.keys(order).every((field) => relatedModel(model, field) === undefined),
  );
}

/**
 * The models a Prisma query of `model` reads rows of: its own and those of every relation it
 * selects, includes or counts; null when it may read others in ways not followed here (a
 * filter, an order by a relation, anything else).
 */
function modelsRead(model: string, query: Query, into: Set<string>): Set<string> | null {
  into.add(model);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (key === 'take' || key === 'skip') continue;
    if (key === 'orderBy' && ordersByColumns(model, value)) continue;
    if (key !== 'select' && key !== 'include') return null;
    for (const [field, selected] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (!selected) continue;
      if (field === '_count') {
        const counted = selected === true ? null : ((selected as Query)?.select as Record<string, unknown> | undefined);
        if (selected !== true && Object.keys(selected as object).some((k) => k !== 'select')) return null;
        // Counting every relation reads them all; a filtered count may read anything.
        const relations = counted ? Object.entries(counted) : (models[model]?.fields.filter((f) => f.kind === 'object').map((f) => [f.name, true] as const) ?? []);
        for (const [relation, how] of relations) {
          const related = relatedModel(model, relation);
          if (!related || how !== true) return null;
          into.add(related);
        }
        continue;
      }
      const related = relatedModel(model, field);
      if (related && !modelsRead(related, selected === true ? null : (selected as Query), into)) return null;
    }
  }
  return into;
}

/**
 * The feeds whose changes can change what a Prisma query of `model` answers:
 * the tables' own feeds when it reads only tables that have one, else every
 * change to the records.
 */
export function feedsOf(model: string, query: object): Feed[] {
  const read = modelsRead(model, query as Query, new Set());
  if (!read) return ['records'];
  const feeds = new Set<Feed>();
  for (const table of read) {
    const feed = OWN_FEED[table];
    if (!feed) return ['records'];
    feeds.add(feed);
  }
  return [...feeds].sort();
}

const caches = new Map<string, ReturnType<typeof readCache>>([['records', cachedRead]]);
/** `feedsOf` by model and query: a document asks the same shapes on every request. */
const feedsByShape = new Map<string, Feed[]>();

/**
 * Rows of a Prisma query of `model`, loaded with that query and kept in memory
 * until the tables it reads change: an owner's name outlives a change to a
 * recommendation. `what` names everything else the rows depend on (the ids).
 */
export function cachedRows<T, Q extends object>(model: string, query: Q, what: string, load: (query: Q) => Promise<T>): Promise<T> {
  const shape = `${model} ${JSON.stringify(query)}`;
  let feeds = feedsByShape.get(shape);
  if (!feeds) {
    if (feedsByShape.size >= 1000) feedsByShape.clear();
    feedsByShape.set(shape, (feeds = feedsOf(model, query)));
  }
  const name = feeds.join(',');
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = readCache(feeds, 500)));
  return cache(`${shape} ${what}`, () => load(query));
}

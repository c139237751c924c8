import { Router } from 'express';
import type { Database } from '../db/database.ts';

/** How long a health check waits for the database's answer: a probe must have its own within a second. */
export const PING_TIMEOUT_MS = 500;
/** A database that answered the application this recently is busy, not down. */
export const BUSY_WITHIN_MS = 5_000;
/**
 * Nor is one working on a statement sent this recently: on the embedded database a statement
 * cannot be cancelled, and the ping waits behind it (operation limits keep statements far shorter).
 */
export const WORKING_WITHIN_MS = 60_000;

export type DatabaseHealth = 'ok' | 'busy' | 'unavailable';

/**
 * Whether the database answers: a round trip within PING_TIMEOUT_MS, or, when that round trip
 * waits behind other work, answers to that work within BUSY_WITHIN_MS or a statement in progress
 * for less than WORKING_WITHIN_MS. One round trip at a time
 * however many probes come: under load they must not add to what the database is asked.
 */
export function databaseHealth(database: Database): () => Promise<DatabaseHealth> {
  let inFlight: Promise<boolean> | null = null;
  return async () => {
    inFlight ??= database.ping().then(
      () => true,
      () => false,
    ).finally(() => (inFlight = null));
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([inFlight, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PING_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (answered) return 'ok';
    if (answered === null) {
      const now = Date.now();
      const working = database.busySince();
      if (now - database.lastAnswerAt() < BUSY_WITHIN_MS || (working !== null && now - working < WORKING_WITHIN_MS)) return 'busy';
    }
    return 'unavailable';
  };
}

/**
 * /healthz: the process is alive and its database answers (200, else 503).
 * /readyz: also not shutting down, so a load balancer stops sending requests
 * as soon as a stop begins. Both are answered beside the GraphQL queue, never in it.
 */
export function healthRouter(database: Database, accepting: () => boolean): Router {
  const router = Router();
  const health = databaseHealth(database);
  router.get('/healthz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    const status = await health();
    response.status(status === 'unavailable' ? 503 : 200).json({ status, database: database.kind });
  });
  router.get('/readyz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    const ready = accepting() && (await health()) !== 'unavailable';
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', database: database.kind });
  });
  return router;
}

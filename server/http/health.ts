import { Router } from 'express';
import type { Database } from '../db/database.ts';

/**
 * /healthz: the process is alive and its database answers (200, else 503).
 * /readyz: also not shutting down, so a load balancer stops sending requests
 * as soon as a stop begins.
 */
export function healthRouter(database: Database, accepting: () => boolean): Router {
  const router = Router();
  const check = async (ready: boolean) => {
    try {
      await database.ping();
      return ready;
    } catch {
      return false;
    }
  };
  router.get('/healthz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    const ok = await check(true);
    response.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: database.kind });
  });
  router.get('/readyz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    const ok = await check(accepting());
    response.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', database: database.kind });
  });
  return router;
}

import { Router } from 'express';
import type { Database } from '../db/database.ts';

/** 200 when the database answers, 503 when it does not. */
export function healthRouter(database: Database): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    try {
      await database.ping();
      response.json({ status: 'ok', database: database.kind });
    } catch {
      response.status(503).json({ status: 'unavailable', database: database.kind });
    }
  });
  return router;
}

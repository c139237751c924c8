import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The admin app's source and its production build (admin/dist). */
export const adminDir = fileURLToPath(new URL('../../admin/', import.meta.url));
export const adminDist = path.join(adminDir, 'dist');

/**
 * Serves the built admin app at `/`: hashed assets cached for a year, and
 * index.html for every other page path so the app's own routes work on reload.
 */
export function adminAppRouter(): Router {
  const router = Router();
  const index = path.join(adminDist, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(adminDist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }),
  );
  router.use(express.static(adminDist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|healthz).*/, (_request, response, next) => {
    if (!fs.existsSync(index)) return next();
    response.set('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}

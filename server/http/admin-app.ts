import { spawn } from 'node:child_process';
import express, { Router } from 'express';
import { createRequire } from 'node:module';
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

function newestChange(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

/** Whether admin/dist is missing or older than any source of the admin app. */
export function adminBuildIsStale(): boolean {
  const built = path.join(adminDist, 'index.html');
  if (!fs.existsSync(built)) return true;
  return newestChange(adminDir) > fs.statSync(built).mtimeMs;
}

/**
 * Builds the admin app with Vite (as `npm run build:admin` does), in a process of its own: Vite
 * sets NODE_ENV=production in the process that builds, which would change the server's own mode.
 */
export async function buildAdminApp(outDir = adminDist): Promise<void> {
  const require = createRequire(import.meta.url);
  const vitePackage = require.resolve('vite/package.json');
  const vite = path.join(path.dirname(vitePackage), (require(vitePackage) as { bin: { vite: string } }).bin.vite);
  const args = [vite, 'build', '--config', path.join(adminDir, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`Building the admin app failed (exit code ${code}).`);
}

// npm run build:admin (and before npm start, when needed): builds the admin app into admin/dist,
// which the server then serves as files. The build runs here, before the server starts and in a
// process of its own: Vite sets NODE_ENV=production in the process that builds, and the server's
// mode must come from its configuration alone.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminDir, adminDist } from '../http/admin-app.ts';

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

/** Builds the admin app with Vite into `outDir`. */
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

// Run as a script: `--if-stale` builds only when admin/dist is missing or older than its sources.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!process.argv.includes('--if-stale') || adminBuildIsStale()) {
    console.error('Building the admin app into admin/dist…');
    await buildAdminApp();
  }
}

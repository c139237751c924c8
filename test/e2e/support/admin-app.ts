import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../support/server.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const adminDir = path.join(root, 'admin');
const dist = path.join(adminDir, 'dist');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the admin app when admin/dist is missing or older than its sources. */
export function buildAdminIfStale(): void {
  const built = fs.existsSync(path.join(dist, 'index.html')) ? fs.statSync(path.join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newestChange(path.join(adminDir, 'src')), fs.statSync(path.join(adminDir, 'index.html')).mtimeMs);
  if (built > sources) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves admin/dist with an SPA fallback and passes /graphql (cookies included) to the API. */
function serveAdmin(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const api = new URL(apiUrl);
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/graphql')) {
      const upstream = http.request(
        { host: api.hostname, port: api.port, path: request.url, method: request.method, headers: { ...request.headers, host: api.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.writeHead(502).end());
      request.pipe(upstream);
      return;
    }
    const wanted = path.join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = wanted.startsWith(dist) && fs.existsSync(wanted) && fs.statSync(wanted).isFile() ? wanted : path.join(dist, 'index.html');
    response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

export type AdminStack = { url: string; apiUrl: string; close(): Promise<void> };

/**
 * The real API on a fresh embedded database with the demo data, and the built
 * admin app: served by the API itself once it does, by a small static server until then.
 */
export async function startAdminStack(): Promise<AdminStack> {
  buildAdminIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-e2e-'));
  const api = await startTestServer({ kind: 'pglite', dataDir });
  const home = await fetch(`${api.url}/`).then((r) => (r.ok ? r.text() : ''), () => '');
  const served = home.includes('<div id="root">') ? null : await serveAdmin(api.url);
  return {
    url: served?.url ?? api.url,
    apiUrl: api.url,
    async close() {
      await served?.close();
      await api.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

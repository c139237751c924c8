import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminBuildIsStale, buildAdminApp } from '../../../server/cli/build-admin.ts';
import { startTestServer } from '../../support/server.ts';

export type AdminStack = { url: string; close(): Promise<void> };

/**
 * The real server on a fresh embedded database with the demo data, serving the
 * built admin app at / exactly as `npm start` does (built first if stale).
 */
export async function startAdminStack(): Promise<AdminStack> {
  if (adminBuildIsStale()) await buildAdminApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-e2e-'));
  const server = await startTestServer({ kind: 'pglite', dataDir });
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

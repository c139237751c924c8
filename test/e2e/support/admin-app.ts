import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { adminBuildIsStale, buildAdminApp } from '../../../server/cli/build-admin.ts';
import type { Config } from '../../../server/config.ts';
import { startTestServer } from '../../support/server.ts';
import { openBrowser, type Browser } from './browser.ts';
import { signIn, type SignedInAt, type User } from './session.ts';

export type AdminStack = { url: string; close(): Promise<void> };

/**
 * The real server on a fresh embedded database with the demo data, serving the
 * built admin app at / exactly as `npm start` does (built first if stale).
 */
export async function startAdminStack(settings: Partial<Config> = {}): Promise<AdminStack> {
  if (adminBuildIsStale()) await buildAdminApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-e2e-'));
  const server = await startTestServer({ kind: 'pglite', dataDir }, settings);
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const DESKTOP = { width: 1280, height: 900 };

/**
 * The admin stack for one test file, with any settings of the server's own (e.g. the public view on): started before its tests (building the admin app when stale and
 * waiting for the server's database, which on a busy machine takes minutes). After them every browser
 * opened through it must have asked nothing of another origin; then the browsers and the server stop.
 */
export function useAdminApp(settings: Partial<Config> = {}) {
  let stack: AdminStack | undefined;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    stack = await startAdminStack(settings);
  }, 600_000);
  afterAll(async () => {
    for (const opened of browsers) expect(opened.foreignRequests, 'requests outside the app’s origin').toEqual([]);
    await Promise.all(browsers.map((opened) => opened.close()));
    await stack?.close();
  });
  const app = {
    /** The server's origin, e.g. http://127.0.0.1:40123. */
    get url(): string {
      if (!stack) throw new Error('the admin app is not started yet (use it inside a test)');
      return stack.url;
    },
    /** A browser of its own (the session is a cookie), at the window size given. */
    async browser(viewport = DESKTOP): Promise<Browser> {
      const opened = await openBrowser(app.url, viewport);
      browsers.push(opened);
      return opened;
    },
    /** A page in a browser of its own, signed in as the user. */
    async signedIn(user: User, { viewport = DESKTOP, at = 'dashboard' as SignedInAt } = {}) {
      const { page } = await app.browser(viewport);
      await signIn(page, app.url, user, at);
      return page;
    },
    /** Closes a browser before the file ends, checking it asked nothing of another origin. */
    async close(opened: Browser): Promise<void> {
      expect(opened.foreignRequests, 'requests outside the app’s origin').toEqual([]);
      browsers.splice(browsers.indexOf(opened), 1);
      await opened.close();
    },
    /** The page that shows a record, as the admin app routes it. */
    showPage: (resource: string, id: string) => `${app.url}/#/${resource}/${encodeURIComponent(id)}/show`,
  };
  return app;
}

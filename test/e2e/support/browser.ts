import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const artifacts = path.resolve(import.meta.dirname, '../../artifacts');

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Every request the pages made to somewhere other than the app's own origin. */
  foreignRequests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/** Debian's Chromium with a fresh profile, recording requests that leave the app's origin. */
export async function openBrowser(origin: string, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'en-GB',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(artifacts, { recursive: true });
  return {
    context,
    page,
    foreignRequests,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

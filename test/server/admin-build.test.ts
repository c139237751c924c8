import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAdminApp } from '../../server/cli/build-admin.ts';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-admin-build-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('building the admin app at start', () => {
  it('builds it without changing the server’s own mode (Vite sets NODE_ENV in the process that builds)', async () => {
    const before = process.env.NODE_ENV;
    await buildAdminApp(outDir);
    expect(process.env.NODE_ENV).toBe(before);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('<div id="root">');
  }, 300_000);
});

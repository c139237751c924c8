import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processReady, startProcess } from '../support/process.ts';
import { postGraphql, signInOverHttp } from '../support/server.ts';

// `npm start` as a person runs it: the real entry point in its own process, on the embedded database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-process-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const run = (env: Record<string, string>) => startProcess({ DATA_DIR: dataDir, ...env });
const ready = processReady;

describe('the server process', () => {
  it('starts, refuses a second process on the same data folder, and stops cleanly on SIGTERM', async () => {
    const first = run({});
    const url = await ready(first);
    expect(first.output()).toContain('Loaded the illustrative demo data');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const second = run({});
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by another process`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Stopped cleanly.');
    expect(fs.existsSync(path.join(dataDir, 'tracker.lock'))).toBe(false);
  });

  it('starts again on the same data without loading the demo twice, and stops on SIGINT', async () => {
    const again = run({});
    const url = await ready(again);
    expect(again.output()).not.toContain('Loaded the illustrative demo data');
    expect(again.output()).not.toContain('Applied migrations');
    const { cookie } = await signInOverHttp(url, 'viewer@example.org', 'viewer-demo-2026');
    const { body } = await postGraphql(url, '{ reports { totalCount } }', {}, { cookie });
    expect(body).toEqual({ data: { reports: { totalCount: 3 } } });
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('stops at once with a message naming a bad setting', async () => {
    const bad = run({ PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT="eighty": expected a port number');
  });
});

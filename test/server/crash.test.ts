import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphql, signInOverHttp } from '../support/server.ts';

/**
 * The embedded database killed mid-write: the server process gets SIGKILL in
 * the middle of a burst of writes, again and again. It must always reopen, and
 * every write it acknowledged before the kill must be there afterwards.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the exit code, even when the process has already exited (no lost 'exit' event). */
function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.stdout!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /API (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output);
    if (match) return { child, url: match[1]! };
    if (child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server was not ready in time:\n${output}`);
}

const CREATE = 'mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }';

describe('a crash in the middle of writes, on the embedded database', () => {
  it('always reopens, and keeps every write it acknowledged', async () => {
    const acknowledged: string[] = [];
    let cookie = '';
    let recommendationId = '';
    let ownerId = '';
    const cycles = 5;
    for (let cycle = 0; cycle < cycles; cycle++) {
      const { child, url } = await start();
      if (!cookie) {
        ({ cookie } = await signInOverHttp(url, 'inspector@example.org', 'inspector-demo-2026'));
        const { body } = await postGraphql<{ recommendations: { edges: { node: { id: string; owner: { id: string } } }[] } }>(
          url, '{ recommendations(first: 1) { edges { node { id owner { id } } } } }', {}, { cookie },
        );
        recommendationId = body.data!.recommendations.edges[0]!.node.id;
        ownerId = body.data!.recommendations.edges[0]!.node.owner.id;
      }
      // Everything acknowledged so far survived the last kill (the session too: it is in the database).
      const { body: check } = await postGraphql<{ nodes: ({ id: string } | null)[] }>(url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: acknowledged }, { cookie });
      expect(check.errors).toBeUndefined();
      expect(check.data!.nodes.filter((node) => node === null)).toHaveLength(0);

      // A burst of writes, killed at a moment that varies from cycle to cycle.
      const killAt = Date.now() + 400 + cycle * 250;
      let killed = false;
      const burst = (async () => {
        while (!killed) {
          try {
            const { body } = await postGraphql<{ createActionItem: { id: string } }>(url, CREATE, {
              input: { recommendationId, ownerId, description: `Crash cycle ${cycle}, write ${acknowledged.length}` },
            }, { cookie });
            if (body.data?.createActionItem) acknowledged.push(body.data.createActionItem.id);
          } catch {
            return; // the connection died with the process: that write was never acknowledged
          }
        }
      })();
      while (Date.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 20));
      killed = true;
      const gone = exited(child);
      child.kill('SIGKILL');
      await burst;
      await gone;
    }
    const { child, url } = await start();
    const { body } = await postGraphql<{ nodes: ({ id: string } | null)[] }>(url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: acknowledged }, { cookie });
    expect(acknowledged.length).toBeGreaterThan(cycles);
    expect(body.data!.nodes.map((node) => node?.id)).toEqual(acknowledged);
    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  }, 240_000);
});

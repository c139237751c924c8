import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm install` runs `npm run generate` (postinstall): it must reach nothing but the package
// registry, so Prisma's CLI is told not to ask its own servers for updates (its "checkpoint").
const root = path.resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-generate-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('installing', () => {
  it('runs the client generation with Prisma’s update checks off', () => {
    expect(packageJson.scripts.postinstall).toBe('npm run generate');
    expect(packageJson.scripts.generate).toMatch(/^CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 .*prisma generate$/);
  });

  it('generates the client without trying to reach any host', async () => {
    // A copy of the schema, so the generated files land in a folder of the test's own and the
    // project's stay untouched while other tests use them.
    fs.mkdirSync(path.join(work, 'prisma'));
    fs.copyFileSync(path.join(root, 'prisma/schema.prisma'), path.join(work, 'prisma/schema.prisma'));
    const attempts = path.join(work, 'connections.log');
    fs.writeFileSync(attempts, '');
    // A proxy that is not there: anything that honours the proxy settings fails at once.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const proxy = `http://127.0.0.1:${port}`;

    const child = spawn('npm', ['run', 'generate', '--', '--schema', path.join(work, 'prisma/schema.prisma')], {
      cwd: root,
      env: {
        ...process.env,
        HTTPS_PROXY: proxy,
        HTTP_PROXY: proxy,
        https_proxy: proxy,
        http_proxy: proxy,
        // Every Node process of the command (npm, Prisma's CLI and what it spawns) records the
        // connections and name look-ups it attempts.
        NODE_OPTIONS: `--require ${path.join(root, 'test/support/record-connections.cjs')}`,
        RECORD_CONNECTIONS_TO: attempts,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('Generated Prisma Client');
    expect(fs.existsSync(path.join(work, 'server/db/generated/prisma/client.ts'))).toBe(true);
    expect(fs.readFileSync(attempts, 'utf8')).toBe('');
  }, 180_000);
});

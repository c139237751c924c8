import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { meQuery } from '../../admin/src/providers/session.ts';
import { processReady, startProcess } from '../support/process.ts';
import { postGraphql, signInOverHttp } from '../support/server.ts';

// `npm start` as a person runs it, with settings this machine cannot honour, and on a first start.
const folders: string[] = [];
const folder = () => {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-startup-'));
  folders.push(made);
  return made;
};
const servers: net.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  for (const made of folders) fs.rmSync(made, { recursive: true, force: true });
});

/** A local port with a listener on it (`open`) or none (`closed`). */
async function port(state: 'open' | 'closed'): Promise<number> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: taken } = server.address() as net.AddressInfo;
  if (state === 'open') servers.push(server);
  else await new Promise((resolve) => server.close(resolve));
  return taken;
}

/** A folder this process may not write: root may write any ordinary folder, but not sysfs. */
function unwritableFolder(): string {
  if (process.getuid?.() === 0) return '/sys/kernel';
  const made = folder();
  fs.chmodSync(made, 0o555);
  return made;
}

/** Starts the process with the settings; it must stop quickly with one line naming the variable. */
async function refused(env: Record<string, string>) {
  const started = startProcess({ DATA_DIR: path.join(folder(), 'data'), ...env });
  const code = await started.exited;
  const lines = started.output().trim().split('\n').filter((line) => !line.includes('admin/dist'));
  return { code, lines, output: started.output() };
}

describe('a setting this machine cannot honour', () => {
  it('stops the start with one line that names the variable and says what to do, and no stack trace', async () => {
    const aFile = path.join(folder(), 'a-file');
    fs.writeFileSync(aFile, '');
    const refusedPort = await port('closed');
    const takenPort = await port('open');
    const takenDataDir = path.join(folder(), 'data');
    const cases: { env: Record<string, string>; says: string }[] = [
      { env: { DATA_DIR: path.join(aFile, 'data') }, says: `DATA_DIR=${aFile}/data: ${aFile} is a file, not a folder: point DATA_DIR at a folder` },
      { env: { DATA_DIR: unwritableFolder() }, says: 'cannot write there' },
      {
        env: { DATABASE_URL: `postgresql://tracker:secret-password@127.0.0.1:${refusedPort}/tracker` },
        says: `DATABASE_URL: nothing accepts connections at 127.0.0.1:${refusedPort}: start PostgreSQL there, or correct the host and port in DATABASE_URL.`,
      },
      { env: { PORT: String(takenPort), DATA_DIR: takenDataDir }, says: `PORT=${takenPort}: another program already listens on 127.0.0.1:${takenPort}: stop it, or set PORT to a free port.` },
    ];
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = '/no_such_tracker_database';
      // Without a terminal the line is JSON, where the quotes around the name are escaped.
      cases.push({ env: { DATABASE_URL: url.toString() }, says: 'has no database \\"no_such_tracker_database\\": create it' });
    }
    const results = await Promise.all(cases.map(({ env }) => refused(env)));
    results.forEach((result, index) => {
      const { says } = cases[index]!;
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain(says);
      expect(result.lines.filter((line) => line.includes(says.slice(0, 12))), result.output).toHaveLength(1);
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(result.output).not.toContain('secret-password');
    });
    // The port is found taken before the database is touched: nothing was created in the data folder.
    expect(fs.readdirSync(takenDataDir)).toEqual([]);
    // Each process loads the whole server's code before it checks anything: several at once take a while.
  }, 300_000);
});

describe('a first start in production mode', () => {
  it('prints the demo sign-ins, lets every signed-in role read the schema as GraphiQL asks for it, and logs no error for a signed-out visit', async () => {
    const started = startProcess({ DATA_DIR: path.join(folder(), 'data'), NODE_ENV: 'production' });
    try {
      const url = await processReady(started, 240_000);
      for (const _ of Array(20)) {
        if (started.output().includes('Demo sign-ins')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(started.output()).toContain('viewer@example.org / viewer-demo-2026');

      // What the admin app asks on a signed-out first visit.
      const signedOut = await postGraphql<{ me: unknown }>(url, meQuery);
      expect(signedOut.body.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');

      // GraphiQL's introspection, with every option it may send.
      const introspection = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
      const anonymous = await postGraphql(url, introspection);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const [email, password] of [
        ['admin@example.org', 'admin-demo-2026'],
        ['inspector@example.org', 'inspector-demo-2026'],
        ['leader@example.org', 'leader-demo-2026'],
        ['viewer@example.org', 'viewer-demo-2026'],
      ] as const) {
        const { cookie } = await signInOverHttp(url, email, password);
        const { body } = await postGraphql<{ __schema: { queryType: { name: string } } }>(url, introspection, {}, { cookie });
        expect(body.errors, email).toBeUndefined();
        expect(body.data?.__schema.queryType.name).toBe('Query');
      }
      expect(started.output()).not.toContain('"level":"error"');
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
    }
  }, 300_000);
});

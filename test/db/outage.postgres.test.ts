import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { postGraphql, signInOverHttp, startTestServer } from '../support/server.ts';

/**
 * A PostgreSQL outage, made real with a TCP relay between the server and the
 * database that can cut every connection and refuse new ones, then let them
 * through again. (The embedded database has no network to lose.)
 */
function relay(target: { host: string; port: number }) {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    down() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`a database outage on ${databaseKind}`, () => {
  let created: TestDatabaseConfig;
  let server: RunningServer;
  let proxy: ReturnType<typeof relay>;
  beforeAll(async () => {
    created = await createTestDatabase();
    if (created.config.kind !== 'postgres') throw new Error('needs PostgreSQL');
    const url = new URL(created.config.url);
    proxy = relay({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await proxy.listen());
    server = await startTestServer({ ...created.config, url: url.toString() });
  });
  afterAll(async () => {
    proxy?.up();
    await server?.close();
    await proxy?.close();
    await created?.drop();
  });

  it('fails requests cleanly while the database is away, and recovers without a restart', async () => {
    const { cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026');
    const query = '{ recommendations(first: 3) { totalCount edges { node { reference } } } }';
    expect((await postGraphql(server.url, query, {}, { cookie })).body.data).toMatchObject({ recommendations: { totalCount: 24 } });

    proxy.down();
    const started = Date.now();
    // A page not read before needs the database at once.
    const during = await postGraphql(server.url, '{ recommendations(first: 2) { edges { node { reference } } } }', {}, { cookie });
    expect(Date.now() - started).toBeLessThan(15_000);
    // The database is away, not the request wrong: a busy server, to try again later.
    expect(during.status).toBe(503);
    expect(during.body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVER_BUSY' } });
    expect(JSON.stringify(during.body)).not.toMatch(/ECONN|postgres|prisma|127\.0\.0\.1/i);
    // The page read before may be answered from memory until the server notices that it can no longer hear
    // of changes; from then on, nothing is.
    await vi.waitFor(async () => expect((await postGraphql(server.url, query, {}, { cookie })).body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVER_BUSY' } }), { timeout: 10_000, interval: 100 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);

    proxy.up();
    const deadline = Date.now() + 20_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = (await postGraphql<{ recommendations: unknown }>(server.url, query, {}, { cookie })).body.data?.recommendations !== undefined;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

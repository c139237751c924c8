// What the benchmarks share: a database of each kind loaded with the synthetic data, and the real
// server in a process of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { connectPrisma, prisma } from '../../server/db/client.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { applyMigrations } from '../../server/db/migrations.ts';

export type Kind = 'postgres' | 'pglite';

export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The people a benchmark signs in as, each with the same password. */
export const BENCH_PASSWORD = 'benchmark password 2026';

/**
 * Opens (and with `fresh`, first empties) the benchmark's database of this kind, migrated, with
 * `size` synthetic recommendations and the users named, and connects Prisma to it. `name` keeps
 * each benchmark's databases apart.
 */
export async function prepareDatabase(
  kind: Kind,
  options: { name: string; size: number; keep: boolean; users: { email: string; role: 'ADMINISTRATOR' | 'INSPECTOR' | 'VIEWER' }[]; textsOnly?: boolean },
): Promise<{ database: Database; env: Record<string, string> }> {
  let config: Parameters<typeof openDatabase>[0];
  let env: Record<string, string>;
  let fresh = !options.keep;
  if (kind === 'postgres') {
    const name = `tracker_${options.name}_${options.size}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (fresh || !exists) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      fresh = true;
    }
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString(), poolSize: 20 };
    env = { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '20' };
  } else {
    const dataDir = path.join(os.tmpdir(), `tracker-${options.name}-pglite-${options.size}`);
    if (fresh || !fs.existsSync(dataDir)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir);
      fresh = true;
    }
    config = { kind: 'pglite', dataDir };
    env = { DATA_DIR: dataDir };
  }
  const database = await openDatabase(config);
  await applyMigrations(database);
  connectPrisma(database);
  const known = await prisma.user.count({ where: { email: { in: options.users.map((user) => user.email) } } });
  if (!fresh && known === options.users.length) {
    console.log(`${kind}: reusing the ${await prisma.recommendation.count()} recommendations loaded before`);
    return { database, env };
  }
  const started = performance.now();
  await loadSynthetic({ size: options.size, seed: 1, textsOnly: options.textsOnly });
  // The loader rewrites each recommendation as it derives lineages and latest verdicts, leaving
  // dead rows and no visibility map: until autovacuum comes round, a count at 200,000 read 700,000
  // tuples (540 ms, 45 ms after). Vacuumed here, as an operator would after a bulk import.
  await prisma.$executeRawUnsafe('VACUUM (ANALYZE)');
  console.log(`${kind}: loaded ${options.size} recommendations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const user of options.users) {
    await prisma.user.upsert({ where: { email: user.email }, create: { ...user, name: user.email, passwordHash }, update: { passwordHash, active: true } });
  }
  return { database, env };
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export type BenchServer = { child: ChildProcess; url: string; stop(): Promise<void> };

/**
 * The real server in its own process, logging warnings only (a log line per request would be measured too).
 * With `profileDir`, V8 writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
 */
export async function startBenchServer(env: Record<string, string>, profileDir?: string): Promise<BenchServer> {
  const port = await freePort();
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(output);
    if ((await fetch(`${url}/readyz`).catch(() => null))?.ok) return { child, url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`server not ready:\n${output}`);
}

/** Signs in over HTTP; returns the session cookie. */
export async function signIn(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { email, password: BENCH_PASSWORD } } }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie) throw new Error(`could not sign in as ${email}: ${await login.text()}`);
  return cookie;
}

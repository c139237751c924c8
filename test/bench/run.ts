// npm run bench -- [--size 20000] [--seconds 10] [--databases postgres,pglite] [--keep] [--only list,drill] [--profile dir]
// Loads the synthetic data set into PostgreSQL and PGlite, starts the real server, and drives it over HTTP
// on 127.0.0.1 with autocannon at 10 and 50 connections, spread over several signed-in users; prints
// requests/s, p50, p99, errors, SQL statements and the server's CPU per request beside the same answers from hand-written
// SQL on the same database, and the API's share of the SQL's throughput. Every answer is computed: the
// API keeps no whole answers, only counts until the records change, and the mixed load changes them.
// Not part of npm test: it is a measurement, and takes minutes.
import autocannon from 'autocannon';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { disconnectPrisma, prisma } from '../../server/db/client.ts';
import { clearReadCache } from '../../server/db/read-cache.ts';
import { measureTableStatistics } from '../../server/db/table-statistics.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { createApollo } from '../../server/graphql/apollo.ts';
import { createLogger } from '../../server/logger.ts';
import { countStatements, executeOn } from '../support/graphql.ts';
import { benchQueries, type BenchQuery, type RunSql } from './queries.ts';
import { prepareDatabase, signIn, startBenchServer, type Kind } from './setup.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    databases: { type: 'string', default: 'postgres,pglite' },
    // Reuse the databases a previous run with --keep loaded at this size, instead of loading afresh.
    keep: { type: 'boolean', default: false },
    // Only the requests whose names contain one of these words (comma-separated), e.g. --only drill,rotating.
    only: { type: 'string' },
    // Write the server's CPU profile (V8's .cpuprofile) into this directory when the run ends.
    profile: { type: 'string' },
  },
});
const size = Number(values.size);
const seconds = Number(values.seconds);
const kinds = values.databases!.split(',') as Kind[];
const CONNECTIONS = [10, 50];
/** Status updates a second beside the reads of the mixed load: a busy working day's writes. */
const WRITES_PER_SECOND = 5;
/**
 * The signed-in users the connections are spread over, administrators and viewers in turn (the status
 * updates are an owner's, which inspectors do not make; administrators read what inspectors read).
 */
const USERS = Array.from({ length: 10 }, (_, i) => ({ email: `bench${i + 1}@example.org`, role: i % 2 ? ('VIEWER' as const) : ('ADMINISTRATOR' as const) }));

/** `cpuMs`: the server process's CPU a request answered (on PGlite the database runs in that process too). */
type Measured = { rps: number; p50: number; p99: number; errors: number; cpuMs?: number };
type Row = { database: Kind; read: string; connections: number; sql?: Measured; api?: Measured; statements?: number };
const rows: Row[] = [];
/** What went wrong in the runs, by kind, printed under the table. */
const problems = new Map<string, number>();
const count = (what: string, n = 1) => problems.set(what, (problems.get(what) ?? 0) + n);

/** Hand-written SQL through a pg pool on PostgreSQL; PGlite has one connection, through Prisma. */
function sqlRunner(kind: Kind, env: Record<string, string>, connections: number): { run: RunSql; close(): Promise<void> } {
  if (kind === 'pglite') return { run: (sql, params) => prisma.$queryRawUnsafe(sql, ...params), close: async () => {} };
  // Without JIT, as the server's own connections (server/db/database.ts): the same engine settings on both sides.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: connections, options: '-c jit=off' });
  return { run: async (sql, params) => (await pool.query(sql, params)).rows, close: () => pool.end() };
}

/** Calls `write` WRITES_PER_SECOND times a second until stopped. */
function atFixedRate(write: () => Promise<unknown>, label: string): { stop(): Promise<number> } {
  let done = 0;
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const written = write().then(
      () => done++,
      (error: unknown) => count(`${label}: failed writes (${String(error instanceof Error ? error.message : error).slice(0, 120)})`),
    );
    inFlight.add(written);
    void written.finally(() => inFlight.delete(written));
  }, 1000 / WRITES_PER_SECOND);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return done;
    },
  };
}

/** The same answers from hand-written SQL, as fast as the database gives them, with `connections` clients. */
async function sqlLoop(runSql: RunSql, query: BenchQuery, connections: number): Promise<Measured> {
  const run = await query.sql(runSql);
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const start = performance.now();
        await run.once();
        latencies.push(performance.now() - start);
      }
    }),
  );
  await run.close();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: latencies[Math.floor(latencies.length / 2)] ?? 0, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, errors: 0 };
}

/**
 * The server's CPU time so far, in seconds, from its own metrics (prom-client's process_cpu_seconds_total):
 * a steadier measure of its work than throughput, which moves with whatever else the machine is doing.
 */
async function serverCpuSeconds(url: string): Promise<number | undefined> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const total = /^process_cpu_seconds_total (\S+)$/m.exec(metrics);
  return total ? Number(total[1]) : undefined;
}

/** The API over HTTP, each request signed in as one of the users. */
async function httpLoad(url: string, cookies: string[], query: BenchQuery, connections: number, label: string, duration = seconds): Promise<Measured> {
  let graphqlErrors = 0;
  const cpuBefore = await serverCpuSeconds(url);
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        // Each request from one of the users at random: taken in turn, a user would always get the same
        // of the rotating variable sets, and the queue would rightly hold back whoever got the heaviest.
        setupRequest: (request) => {
          const cookie = cookies[Math.floor(Math.random() * cookies.length)]!;
          return { ...request, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(query.request()) };
        },
        onResponse: (_status, body) => {
          const parsed = JSON.parse(body) as { errors?: { message?: string; extensions?: { code?: string } }[]; data?: unknown };
          if (parsed.errors) {
            graphqlErrors++;
            count(`${label}: ${parsed.errors[0]?.extensions?.code ?? 'no code'} (${parsed.errors[0]?.message?.slice(0, 80)})`);
          } else query.onData?.(parsed.data);
        },
      },
    ],
  });
  for (const [kind, n] of [['connection errors', result.errors - result.timeouts], ['timeouts', result.timeouts], ['non-2xx', result.non2xx]] as const) {
    if (n > 0) count(`${label}: ${kind}`, n);
  }
  const cpuAfter = await serverCpuSeconds(url);
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total : undefined;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + graphqlErrors, cpuMs };
}

for (const kind of kinds) {
  const { database, env } = await prepareDatabase(kind, { name: 'bench', size, keep: Boolean(values.keep), users: USERS });
  await measureTableStatistics();
  const wanted = values.only?.split(',');
  const queries = (await benchQueries()).filter((query) => query.name === 'updateRecommendationStatus' || !wanted || wanted.some((word) => query.name.includes(word)));
  const reads = queries.filter((query) => query.sqlComparable);
  const update = queries.find((query) => query.name === 'updateRecommendationStatus')!;
  const rotating = queries.find((query) => query.name.startsWith('rotating'));
  const connectionCounts = kind === 'pglite' ? [10] : CONNECTIONS;

  // SQL statements per request, in-process on the real schema (counts computed, as after a change),
  // and the API's answer checked against the SQL's.
  const apollo = createApollo(createLogger('silent'));
  await apollo.start();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: USERS[0]!.email } });
  const actor: Actor = { userId: user.id, role: user.role, organisationId: null, organisationPath: null, apiTokenId: null, access: 'READ_WRITE' };
  console.log(`${kind}: counting statements and checking the API's answers against the SQL's`);
  const check = sqlRunner(kind, env, 1);
  const statements: Record<string, number> = {};
  for (const query of reads) {
    query.first?.();
    clearReadCache();
    const body = query.request();
    const { result, statements: sent } = await countStatements(() => executeOn(apollo, body.query, body.variables ?? {}, actor));
    if (result.errors) throw new Error(`${kind} ${query.name}: ${JSON.stringify(result.errors)}`);
    statements[query.name] = sent.length;
    const problem = query.check?.(result.data, await (await query.sql(check.run)).answer());
    if (problem) throw new Error(`${kind} ${query.name}: the API and the SQL disagree: ${problem}`);
  }
  await check.close();
  await apollo.stop();

  // Hand-written SQL: each read alone, then the rotating reads while statuses are updated.
  console.log(`${kind}: hand-written SQL`);
  const sqlFigures = new Map<string, Measured>();
  for (const connections of connectionCounts) {
    const sql = sqlRunner(kind, env, connections);
    for (const query of reads) sqlFigures.set(`${query.name} ${connections}`, await sqlLoop(sql.run, query, Math.min(connections, query.sqlConnections ?? connections)));
    if (rotating) {
      // From the last recommendation down: the API's status updates later go from the first up, with the versions they read.
      const ids = (await prisma.recommendation.findMany({ select: { id: true }, orderBy: { id: 'desc' } })).map((rec) => rec.id);
      let next = 0;
      const writes = atFixedRate(
        () => sql.run(`UPDATE "Recommendation" SET status = (CASE WHEN status = 'IN_PROGRESS' THEN 'IMPLEMENTED' ELSE 'IN_PROGRESS' END)::"RecommendationStatus",
          version = version + 1, "statusChangedAt" = now(), "updatedAt" = now() WHERE id = $1`, [ids[next++ % ids.length]]),
        `${kind} mixed (hand-written SQL)`,
      );
      sqlFigures.set(`mixed ${connections}`, await sqlLoop(sql.run, rotating, connections));
      await writes.stop();
    }
    await sql.close();
  }
  await disconnectPrisma();
  await database.close();

  // The real server, in a process of its own.
  console.log(`${kind}: the API over HTTP`);
  const server = await startBenchServer(env, values.profile);
  const cookies = await Promise.all(USERS.map((u) => signIn(server.url, u.email)));
  for (const query of reads) {
    // A short run first, not measured: the server's JIT and the database's caches warm up on this request.
    await httpLoad(server.url, cookies, query, 10, `${kind} ${query.name} warm-up`, Math.min(3, seconds));
    for (const connections of connectionCounts) {
      const api = await httpLoad(server.url, cookies, query, connections, `${kind} ${query.name} at ${connections}`);
      rows.push({ database: kind, read: query.name, connections, sql: sqlFigures.get(`${query.name} ${connections}`), api, statements: statements[query.name] });
    }
  }
  if (rotating) {
    for (const connections of connectionCounts) {
      const label = `${kind} mixed at ${connections}`;
      let asked = 0;
      const writes = atFixedRate(async () => {
        const body = update.request();
        // The inspectors (every other user) may change statuses; viewers read.
        const cookie = cookies[(2 * asked++) % cookies.length]!;
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
        const answer = (await response.json()) as { data?: unknown; errors?: unknown };
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        update.onData?.(answer.data);
      }, label);
      const api = await httpLoad(server.url, cookies, rotating, connections, label);
      const written = await writes.stop();
      rows.push({ database: kind, read: `mixed: the rotating reads with ${WRITES_PER_SECOND} status updates a second (${written} written)`, connections, sql: sqlFigures.get(`mixed ${connections}`), api, statements: statements[rotating.name] });
    }
  }
  await server.stop();
}

const format = (value: number | undefined) => (value === undefined ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const share = (row: Row) => (row.api && row.sql ? `${Math.round((100 * row.api.rps) / row.sql.rps)}%` : '–');
console.log(`\nBenchmark: ${size} synthetic recommendations, ${seconds} s per run, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`Connections spread over ${USERS.length} signed-in users; every answer computed (counts kept only until the records change).\n`);
console.log('| database | read | connections | hand SQL req/s | API req/s | API share of SQL | API p50 ms | API p99 ms | SQL p99 ms | errors | SQL statements per request | server CPU ms per request |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.database} | ${row.read} | ${row.connections} | ${format(row.sql?.rps)} | ${format(row.api?.rps)} | ${share(row)} | ${format(row.api?.p50)} | ${format(row.api?.p99)} | ${format(row.sql?.p99)} | ${row.api?.errors ?? 0} | ${row.statements ?? '–'} | ${row.api?.cpuMs === undefined ? '–' : row.api.cpuMs.toFixed(2)} |`,
  );
}
const pglite = rows.filter((row) => row.database === 'pglite');
if (pglite.length) {
  console.log('\nThe embedded database against PostgreSQL (API req/s at 10 connections):');
  for (const row of pglite) {
    const postgres = rows.find((other) => other.database === 'postgres' && other.read === row.read && other.connections === row.connections);
    if (postgres?.api && row.api) console.log(`- ${row.read}: ${Math.round((100 * row.api.rps) / postgres.api.rps)}%`);
  }
}
if (problems.size) console.log(`\nErrors:\n${[...problems].map(([what, n]) => `- ${what}: ${n}`).join('\n')}`);

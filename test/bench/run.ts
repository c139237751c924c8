// npm run bench -- [--size 20000] [--seconds 10] [--databases postgres,pglite] [--keep] [--only list,drill]
// Loads the synthetic data set into PostgreSQL and PGlite, starts the real server, and drives it over HTTP
// on 127.0.0.1 with autocannon at 10 and 50 connections; prints requests/s, p50, p99, errors and SQL
// statements per request beside the same answer from hand-written SQL on the same database.
// Not part of npm test: it is a measurement, and takes minutes.
import autocannon from 'autocannon';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { disconnectPrisma, prisma } from '../../server/db/client.ts';
import { authenticate, SESSION_COOKIE } from '../../server/auth/authenticate.ts';
import { startSession } from '../../server/auth/sessions.ts';
import { changeGeneration, followChanges, noteChange } from '../../server/db/change-feed.ts';
import { countStatements, executeOn } from '../support/graphql.ts';
import { createApollo } from '../../server/graphql/apollo.ts';
import { createLogger } from '../../server/logger.ts';
import { benchQueries, type BenchQuery, type RunSql } from './queries.ts';
import { prepareDatabase, signIn, startBenchServer, type Kind } from './setup.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    databases: { type: 'string', default: 'postgres,pglite' },
    // Reuse the databases a previous run with --keep loaded at this size, instead of loading afresh.
    keep: { type: 'boolean', default: false },
    // Only the requests whose names contain one of these words (comma-separated), e.g. --only drill,update.
    only: { type: 'string' },
  },
});
const size = Number(values.size);
const seconds = Number(values.seconds);
const kinds = values.databases!.split(',') as Kind[];

type Row = { database: string; query: string; connections: number | string; rps: number; p50: number; p99: number; errors: number; statements: number | string };
/** SQL statements for one request: the first after a change, the same request again, and again with the response cache off. */
type Statements = { first: number; again: number; uncachedAgain: number };
const rows: Row[] = [];

const prepare = (kind: Kind) =>
  prepareDatabase(kind, { name: 'bench', size, keep: Boolean(values.keep), users: [{ email: 'bench@example.org', role: 'INSPECTOR' }] });

/** Hand-written SQL through a pg pool of `connections` on PostgreSQL; PGlite has one connection, through Prisma. */
function sqlRunner(kind: Kind, env: Record<string, string>, connections: number): { run: RunSql; close(): Promise<void> } {
  if (kind === 'pglite') return { run: (sql, params) => prisma.$queryRawUnsafe(sql, ...params), close: async () => {} };
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: connections });
  return { run: async (sql, params) => (await pool.query(sql, params)).rows, close: () => pool.end() };
}

/** The same answer from hand-written SQL, as fast as the database gives it, with `connections` clients. */
async function sqlLoop(runSql: RunSql, query: BenchQuery, connections: number) {
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
  return { rps: latencies.length / seconds, p50: latencies[Math.floor(latencies.length / 2)] ?? 0, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

/** What went wrong in the runs, by kind, printed under the table. */
const problems = new Map<string, number>();

async function httpLoad(url: string, cookie: string, query: BenchQuery, connections: number, label: string, duration = seconds) {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(query.request()) }),
        onResponse: (_status, body) => {
          const parsed = JSON.parse(body) as { errors?: unknown[]; data?: unknown };
          if (parsed.errors) {
            graphqlErrors++;
            const code = (parsed.errors[0] as { extensions?: { code?: string } }).extensions?.code ?? 'no code';
            problems.set(`${label}: ${code}`, (problems.get(`${label}: ${code}`) ?? 0) + 1);
          } else query.onData?.(parsed.data);
        },
      },
    ],
  });
  for (const [kind, count] of [['connection errors', result.errors - result.timeouts], ['timeouts', result.timeouts], ['non-2xx', result.non2xx]] as const) {
    if (count > 0) problems.set(`${label}: ${kind}`, count);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + graphqlErrors };
}

for (const kind of kinds) {
  const { database, env } = await prepare(kind);
  const wanted = values.only?.split(',');
  const queries = (await benchQueries()).filter((query) => !wanted || wanted.some((word) => query.name.includes(word)));
  const sql = sqlRunner(kind, env, 10);
  // Statements per request and the API's own answer, in-process on the real schema, signed in with a
  // session cookie as over HTTP: the first request after a change, then the same again (see read-cache.ts),
  // and again with the response cache off.
  const apollo = createApollo(createLogger('silent'));
  const uncached = createApollo(createLogger('silent'), { responseCacheBytes: 0 });
  await Promise.all([apollo.start(), uncached.start()]);
  const stopFollowing = await followChanges(database);
  const bench = await prisma.user.findUniqueOrThrow({ where: { email: 'bench@example.org' } });
  const announcedBefore = changeGeneration('access');
  const { secret } = await startSession(bench.id);
  // The new session's announcement, once heard, moves the access feed on and would make the first
  // requests counted below read the session again: wait for it, then sign in once, uncounted.
  for (const deadline = Date.now() + 5000; changeGeneration('access') === announcedBefore; ) {
    if (Date.now() > deadline) throw new Error('the new session was never announced: statement counts would be wrong');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await authenticate({ cookie: `${SESSION_COOKIE}=${secret}` });
  const request = async (query: BenchQuery, server = apollo) => {
    const body = query.request();
    const actor = await authenticate({ cookie: `${SESSION_COOKIE}=${secret}` });
    const single = await executeOn(server, body.query, body.variables ?? {}, actor);
    if (single.errors) throw new Error(`${query.name}: ${JSON.stringify(single.errors)}`);
    query.onData?.(single.data);
    return single.data;
  };
  const statements: Record<string, Statements> = {};
  for (const query of queries) {
    // The first request after a change to the records (the signed-in session, organisations and
    // reports still known), then the same again. The first is also what every request costs with
    // the response cache off.
    await request(query);
    noteChange('records');
    const first = await countStatements(() => request(query));
    const again = await countStatements(() => request(query));
    const uncachedAgain = await countStatements(() => request(query, uncached));
    statements[query.name] = { first: first.statements.length, again: again.statements.length, uncachedAgain: uncachedAgain.statements.length };
    if (query.check) {
      const problem = query.check(first.result, await (await query.sql(sql.run)).answer());
      if (problem) throw new Error(`${kind} ${query.name}: the API and the SQL disagree: ${problem}`);
    }
  }
  await stopFollowing();
  await Promise.all([apollo.stop(), uncached.stop()]);
  for (const query of queries.filter((q) => q.sqlComparable)) {
    const measured = await sqlLoop(sql.run, query, 10);
    rows.push({ database: kind, query: `${query.name} (hand-written SQL)`, connections: kind === 'pglite' ? '10 (one connection)' : 10, ...measured, errors: 0, statements: 1 });
  }
  await sql.close();
  await disconnectPrisma();
  await database.close();

  // As installed; then with the response cache off, where every answer is computed, so that the
  // API's own work over the database stays in view (reads only, at 10 connections).
  for (const { label, cacheMb, connectionCounts, reads } of [
    { label: '', cacheMb: undefined, connectionCounts: [10, 50], reads: false },
    { label: ' (no response cache)', cacheMb: '0', connectionCounts: [10], reads: true },
  ]) {
    const server = await startBenchServer(cacheMb === undefined ? env : { ...env, RESPONSE_CACHE_MB: cacheMb });
    const cookie = await signIn(server.url, 'bench@example.org');
    for (const query of queries.filter((q) => !reads || q.sqlComparable)) {
      // A short run first, not measured: the server's JIT and the database's caches warm up on this request.
      await httpLoad(server.url, cookie, query, 10, `${kind} ${query.name}${label} warm-up`, Math.min(3, seconds));
      for (const connections of connectionCounts) {
        const measured = await httpLoad(server.url, cookie, query, connections, `${kind} ${query.name}${label} at ${connections}`);
        const counted = statements[query.name]!;
        const again = cacheMb === '0' ? counted.uncachedAgain : counted.again;
        const perRequest = counted.first === again ? counted.first : `${counted.first}, then ${again}`;
        rows.push({ database: kind, query: `${query.name}${label}`, connections, ...measured, statements: perRequest });
      }
    }
    // The drill-down read while statuses are updated beside it: every commit ends what was kept, so this
    // shows what the response cache is worth when the records keep changing.
    const drillDown = queries.find((q) => q.name.includes('drill-down'));
    const updates = queries.find((q) => q.name === 'updateRecommendationStatus');
    if (drillDown && updates) {
      const name = `${drillDown.name}${label}, while 2 connections update statuses`;
      const [measured, written] = await Promise.all([
        httpLoad(server.url, cookie, drillDown, 10, `${kind} ${name}`),
        httpLoad(server.url, cookie, updates, 2, `${kind} ${name}: the updates`),
      ]);
      rows.push({ database: kind, query: `${name} (${Math.round(written.rps)} updates/s)`, connections: 10, ...measured, errors: measured.errors + written.errors, statements: statements[drillDown.name]!.first });
    }
    await server.stop();
  }
}

const format = (value: number | string) => (typeof value === 'number' ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : value);
console.log(`\nBenchmark: ${size} synthetic recommendations, ${seconds} s per run, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| database | query | connections | requests/s | p50 ms | p99 ms | errors | SQL statements (first after a change, then again) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(`| ${row.database} | ${row.query} | ${row.connections} | ${format(row.rps)} | ${format(row.p50)} | ${format(row.p99)} | ${row.errors} | ${row.statements} |`);
}
if (problems.size) console.log(`\nErrors:\n${[...problems].map(([what, count]) => `- ${what}: ${count}`).join('\n')}`);

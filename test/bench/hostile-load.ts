// npm run bench:hostile -- [--databases postgres,pglite] [--seconds 60] [--clients 20] [--size 20000] [--keep]
// Overload as a hostile script makes it: on each database, with the synthetic data, `clients`
// callers (each signed in on a session of its own) send, back to back, the most expensive
// operations the cost limit admits (test/support/hostile-operations.ts), beside one light query a
// second from someone else and a /healthz probe every 200 ms, against the real server process on
// 127.0.0.1. Prints /healthz's worst latency and answers, the light query's p50, p99 and worst,
// and every answer by HTTP status and error code. Not part of npm test: it takes minutes.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { disconnectPrisma } from '../../server/db/client.ts';
import { measureTableStatistics } from '../../server/db/table-statistics.ts';
import { hostileFamilies, hostileIds, largestAdmitted } from '../support/hostile-operations.ts';
import { prepareDatabase, signIn, startBenchServer, type Kind } from './setup.ts';

const { values } = parseArgs({
  options: {
    databases: { type: 'string', default: 'postgres,pglite' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '20' },
    size: { type: 'string', default: '20000' },
    keep: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const size = Number(values.size);
const kinds = values.databases!.split(',') as Kind[];
const LIGHT = '{ recommendations(first: 10, filter: { statuses: [IN_PROGRESS] }) { totalCount edges { node { id reference status owner { name } } } } }';

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
const tally = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** One request: its HTTP status and error codes, and how long it took. */
async function post(url: string, cookie: string, query: string): Promise<{ ms: number; answer: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
    const text = await response.text();
    let codes = '';
    try {
      const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      codes = [...new Set((body.errors ?? []).map((error) => error.extensions?.code ?? 'no code'))].join('+');
    } catch {
      codes = 'not JSON';
    }
    return { ms: performance.now() - started, answer: `${response.status}${codes ? ` ${codes}` : ''}` };
  } catch (error) {
    return { ms: performance.now() - started, answer: `connection failed (${(error as Error).message})` };
  }
}

type Report = {
  database: Kind;
  health: { probes: number; worstMs: number; answers: Map<string, number> };
  light: { count: number; p50: number; p99: number; worst: number; answers: Map<string, number> };
  hostile: { count: number; answers: Map<string, number>; p50: number };
};

async function run(kind: Kind): Promise<Report> {
  const users = [{ email: 'light@example.org', role: 'VIEWER' as const }, ...Array.from({ length: clients }, (_, i) => ({ email: `hostile${i}@example.org`, role: 'VIEWER' as const }))];
  const { database, env } = await prepareDatabase(kind, { name: 'hostile', size, keep: Boolean(values.keep), users });
  // The operations are grown to the limit the server will apply: the same data, measured the same way.
  await measureTableStatistics();
  const families = Object.values(hostileFamilies(await hostileIds()));
  const admitted = families.filter((family) => largestAdmitted(family) > 0);
  await disconnectPrisma();
  await database.close();

  const server = await startBenchServer(env);
  const light = await signIn(server.url, 'light@example.org');
  const cookies = await Promise.all(Array.from({ length: clients }, (_, i) => signIn(server.url, `hostile${i}@example.org`)));
  const report: Report = {
    database: kind,
    health: { probes: 0, worstMs: 0, answers: new Map() },
    light: { count: 0, p50: 0, p99: 0, worst: 0, answers: new Map() },
    hostile: { count: 0, answers: new Map(), p50: 0 },
  };
  const until = Date.now() + seconds * 1000;
  const hostileTimes: number[] = [];
  const lightTimes: number[] = [];
  let variant = 1;

  const hostile = cookies.map(async (cookie, client) => {
    for (let turn = 0; Date.now() < until; turn++) {
      const family = admitted[(client + turn) % admitted.length]!;
      // Grown to the limit for its own words and settings: each asks something new.
      const asked = variant++;
      const n = largestAdmitted(family, asked);
      if (n === 0) continue;
      const { ms, answer } = await post(server.url, cookie, family.shape(n, asked));
      hostileTimes.push(ms);
      report.hostile.count++;
      tally(report.hostile.answers, answer);
    }
  });
  const lightLoop = (async () => {
    while (Date.now() < until) {
      const next = performance.now() + 1000;
      const { ms, answer } = await post(server.url, light, LIGHT);
      lightTimes.push(ms);
      tally(report.light.answers, answer);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  const healthLoop = (async () => {
    while (Date.now() < until) {
      const next = performance.now() + 200;
      const started = performance.now();
      const answer = await fetch(`${server.url}/healthz`).then(async (response) => `${response.status} ${((await response.json()) as { status: string }).status}`, (error: Error) => `failed (${error.message})`);
      report.health.worstMs = Math.max(report.health.worstMs, performance.now() - started);
      report.health.probes++;
      tally(report.health.answers, answer);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  await Promise.all([...hostile, lightLoop, healthLoop]);
  await server.stop();

  lightTimes.sort((a, b) => a - b);
  hostileTimes.sort((a, b) => a - b);
  Object.assign(report.light, { count: lightTimes.length, p50: percentile(lightTimes, 0.5), p99: percentile(lightTimes, 0.99), worst: lightTimes.at(-1) ?? 0 });
  report.hostile.p50 = percentile(hostileTimes, 0.5);
  return report;
}

const reports: Report[] = [];
for (const kind of kinds) reports.push(await run(kind));

const answers = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([answer, count]) => `${answer} ×${count}`).join(', ');
console.log(`\nHostile load: ${clients} clients sending the most expensive operations admitted, ${seconds} s, ${size} synthetic recommendations, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| database | /healthz worst ms | /healthz answers | light p50 ms | light p99 ms | light worst ms | light answers | hostile operations | hostile p50 ms | hostile answers |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of reports) {
  console.log(`| ${r.database} | ${r.health.worstMs.toFixed(0)} | ${answers(r.health.answers)} | ${r.light.p50.toFixed(0)} | ${r.light.p99.toFixed(0)} | ${r.light.worst.toFixed(0)} | ${answers(r.light.answers)} | ${r.hostile.count} | ${r.hostile.p50.toFixed(0)} | ${answers(r.hostile.answers)} |`);
}
const internal = reports.reduce((sum, r) => sum + [...r.hostile.answers, ...r.light.answers].filter(([answer]) => answer.includes('INTERNAL_SERVER_ERROR') || answer.startsWith('5') && !answer.includes('SERVER_BUSY') && !answer.includes('TIMEOUT')).reduce((n, [, count]) => n + count, 0), 0);
console.log(`\nInternal errors and unexplained 5xx: ${internal}`);

import { afterAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_CACHE_MS } from '../../server/auth/access-cache.ts';
import { useTestDatabase } from '../support/database.ts';
import { processReady, startProcess, type StartedProcess } from '../support/process.ts';
import { postGraphql, signInOverHttp } from '../support/server.ts';

// Two server processes on one PostgreSQL database, as behind a load balancer: what one keeps in
// memory (counts, sessions) must follow what the other writes, within the times the README states.
const test = useTestDatabase();
const started: StartedProcess[] = [];
afterAll(async () => {
  for (const server of started) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

const start = async () => {
  const server = startProcess({ DATABASE_URL: (test.config() as { url: string }).url });
  started.push(server);
  return processReady(server);
};

const IMPLEMENTED = '{ recommendations(first: 0, filter: { statuses: [IMPLEMENTED] }) { totalCount } }';
const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status } }`;

describe('two server processes on one PostgreSQL database', () => {
  it('show each other’s writes in counts within a second, and end a session signed out on the other within seconds', async () => {
    const [one, other] = await Promise.all([start(), start()]);
    const { cookie } = await signInOverHttp(one, 'admin@example.org', 'admin-demo-2026');
    const implemented = async (url: string) => {
      const { body } = await postGraphql<{ recommendations: { totalCount: number } }>(url, IMPLEMENTED, {}, { cookie });
      expect(body.errors).toBeUndefined();
      return body.data!.recommendations.totalCount;
    };
    // Counted, and kept, on both.
    const before = await implemented(other);
    expect(await implemented(one)).toBe(before);

    const list = await postGraphql<{ recommendations: { edges: { node: { id: string; version: number } }[] } }>(
      one,
      '{ recommendations(first: 1, filter: { statuses: [IN_PROGRESS] }) { edges { node { id version } } } }',
      {},
      { cookie },
    );
    const rec = list.body.data!.recommendations.edges[0]!.node;
    const written = await postGraphql(one, STATUS, { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, { cookie });
    expect(written.body.errors).toBeUndefined();
    // The writer counts its own change at once; the other hears of it from the database.
    expect(await implemented(one)).toBe(before + 1);
    const wrote = Date.now();
    await vi.waitFor(async () => expect(await implemented(other)).toBe(before + 1), { timeout: 1000, interval: 20 });
    expect(Date.now() - wrote).toBeLessThan(1000);

    // Signed out through one: refused there at once, and on the other within the seconds a session is kept.
    const signedOut = await postGraphql(one, 'mutation { logout }', {}, { cookie });
    expect(signedOut.body.errors).toBeUndefined();
    const ended = Date.now();
    const refused = async (url: string) => (await postGraphql(url, IMPLEMENTED, {}, { cookie })).body.errors?.[0]?.extensions?.code;
    expect(await refused(one)).toBe('UNAUTHENTICATED');
    await vi.waitFor(async () => expect(await refused(other)).toBe('UNAUTHENTICATED'), {
      timeout: ACCESS_CACHE_MS + 2000,
      interval: 100,
    });
    expect(Date.now() - ended).toBeLessThanOrEqual(ACCESS_CACHE_MS + 1000);
  });
});

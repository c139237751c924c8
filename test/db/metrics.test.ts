import { describe, expect, it } from 'vitest';
import { databaseKind } from '../support/database.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

const TOKEN = 'metrics-token-for-the-test-2026';
const server = useTestServer({ metricsToken: TOKEN });

const scrape = (headers: Record<string, string> = {}) => fetch(`${server.url}/metrics`, { headers });
/** The value of one sample line, e.g. `tracker_sql_statements_total`. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  if (!line) throw new Error(`no sample ${name}{${labels}} in:\n${text.slice(0, 2000)}`);
  return Number(line.split(' ').pop());
}

describe(`the metrics endpoint on ${databaseKind}`, () => {
  it('answers only with the metrics token when one is set', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('counts requests, GraphQL operations by outcome, SQL statements and the read cache, and names no one', async () => {
    const { cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026');
    const query = '{ recommendations(first: 5) { totalCount } }';
    for (let i = 0; i < 3; i++) expect((await postGraphql(server.url, query, {}, { cookie })).body).not.toHaveProperty('errors');
    await postGraphql(server.url, '{ recommendations(first: 500) { totalCount } }', {}, { cookie });

    const response = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'tracker_graphql_operation_duration_seconds_count', 'kind="query",outcome="ok"')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'tracker_graphql_operation_duration_seconds_count', 'kind="query",outcome="BAD_USER_INPUT"')).toBe(1);
    expect(sample(text, 'tracker_http_request_duration_seconds_count', 'method="POST",route="/graphql",status="200"')).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'tracker_sql_statements_total')).toBeGreaterThan(0);
    expect(sample(text, 'tracker_graphql_operations', 'state="waiting"')).toBe(0);
    // Signed-in sessions are read once, then from memory.
    expect(sample(text, 'tracker_read_cache_total', 'result="hit"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain('viewer@example.org');
    expect(text).not.toContain(cookie.split('=')[1]!);
  });
});

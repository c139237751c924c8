import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../support/database.ts';
import { signInOverHttp, useTestServer } from '../support/server.ts';

const server = useTestServer();
let cookie: string;
beforeAll(async () => {
  ({ cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026'));
});

describe(`GraphQL over HTTP on ${databaseKind}`, () => {
  it('passes every MUST of the graphql-http server audits', async () => {
    const audits = serverAudits({
      url: () => `${server.url}/graphql`,
      // As a signed-in browser would; GETs carry the header Apollo's CSRF prevention asks of them.
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        {
          // forEach, not entries(): a dependency's types bring in the DOM's Headers, which is not iterable without dom.iterable.
          const headers: Record<string, string> = {};
          new Headers(init?.headers).forEach((value, name) => { headers[name] = value; });
          return fetch(input, { ...init, headers: { ...headers, cookie, 'apollo-require-preflight': 'true' } });
        },
    });
    const musts = audits.filter((a) => a.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of musts) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { databaseKind } from '../support/database.ts';
import { postGraphql, useTestServer } from '../support/server.ts';

const server = useTestServer({ trustProxy: true });

describe(`behind a reverse proxy on ${databaseKind}`, () => {
  it('marks the session cookie Secure when the proxy says the request came over https', async () => {
    const login = 'mutation ($input: LoginInput!) { login(input: $input) { email } }';
    const input = { input: { email: 'viewer@example.org', password: 'viewer-demo-2026' } };
    const https = await postGraphql(server.url, login, input, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(https.headers.get('set-cookie')).toContain('Secure');
    const http = await postGraphql(server.url, login, input);
    expect(http.headers.get('set-cookie')).not.toContain('Secure');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { postGraphql, startTestServer } from '../support/server.ts';

let created: TestDatabaseConfig;
let server: RunningServer;
beforeAll(async () => {
  created = await createTestDatabase();
  server = await startTestServer(created.config, { trustProxy: true });
});
afterAll(async () => {
  await server.close();
  await created.drop();
});

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

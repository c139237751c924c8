import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind } from '../support/database.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

// A short request timeout, so that a slow client is seen to be cut off in a test's time.
const REQUEST_TIMEOUT_MS = 2000;
const server = useTestServer({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
let cookie: string;
beforeAll(async () => {
  ({ cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026'));
});

const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

describe(`limits on what a request may cost, on ${databaseKind}`, () => {
  it('refuses too many aliases, tokens or too deep a query before running it', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { email }`).join(' ');
    expect(codeOf((await postGraphql(server.url, `{ ${aliases} }`, {}, { cookie })).body)).toBe('GRAPHQL_VALIDATION_FAILED');
    const tokens = `{ me { ${'email '.repeat(4000)} } }`;
    expect((await postGraphql(server.url, tokens, {}, { cookie })).body.errors?.[0]?.message).toMatch(/token/i);
    const deep = `{ reports(first: 1) { edges { node { recommendations(first: 1) { edges { node { report { recommendations(first: 1) { edges { node { owner { parent { parent { parent { name } } } } } } } } } } } } } } }`;
    expect(codeOf((await postGraphql(server.url, deep, {}, { cookie })).body)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });

  it('refuses a query whose estimated work passes the budget, before running any of it', async () => {
    // Each call finds its nearest texts and scores fifty of them: a few are fine, fifteen are not.
    const rec = await prisma.recommendation.findFirstOrThrow();
    const id = Buffer.from(`Recommendation:${rec.id}`).toString('base64');
    const costly = `{ ${Array.from({ length: 15 }, (_, i) => `c${i}: repeatCandidates(recommendationId: "${id}", first: 50, minimumScore: 0) { score }`).join(' ')} }`;
    const result = await postGraphql(server.url, costly, {}, { cookie });
    expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.message).toMatch(/too costly: about \d+ ms of work where at most 300 ms is allowed/);
    const fine = await postGraphql(server.url, `{ a: repeatCandidates(recommendationId: "${id}") { score } }`, {}, { cookie });
    expect(fine.body.errors).toBeUndefined();

    // The estimate made before the queue stands for the API's check only within the limits:
    // the costly operation is refused however it is sent, named among others or as a GET.
    const named = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: `query Light { me { email } } query Costly ${costly}`, operationName: 'Costly' }),
    });
    expect(codeOf((await named.json()) as { errors?: { extensions?: { code?: string } }[] })).toBe('BAD_USER_INPUT');
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent(costly)}`, { headers: { cookie, 'apollo-require-preflight': 'true' } });
    expect(codeOf((await get.json()) as { errors?: { extensions?: { code?: string } }[] })).toBe('BAD_USER_INPUT');
  });

  it('refuses a page above the cap, and HTTP batching', async () => {
    expect(codeOf((await postGraphql(server.url, '{ recommendations(first: 500) { totalCount } }', {}, { cookie })).body)).toBe('BAD_USER_INPUT');
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify([{ query: '{ me { email } }' }, { query: '{ me { email } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('allows one sign-in per request, so aliases cannot multiply password guesses', async () => {
    const guesses = Array.from({ length: 3 }, (_, i) => `g${i}: login(input: { email: "admin@example.org", password: "guess ${i}" }) { email }`).join(' ');
    const before = await prisma.loginAttempt.count({ where: { email: 'admin@example.org' } });
    const result = await postGraphql(server.url, `mutation { ${guesses} }`);
    expect(result.body.errors?.length).toBeGreaterThan(0);
    expect(await prisma.loginAttempt.count({ where: { email: 'admin@example.org' } })).toBe(before + 1);
  });

  it('cuts off a body trickled a byte at a time once the request timeout has passed, not a minute later', async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`);
    const started = performance.now();
    const trickle = setInterval(() => socket.writable && socket.write('{'), 250);
    await closed;
    clearInterval(trickle);
    const elapsed = performance.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(elapsed).toBeGreaterThan(REQUEST_TIMEOUT_MS - 500);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + 2000);
  });

  it('lets a signed-in writer send a file to read, up to 15 MB, and no more', async () => {
    const { cookie: inspector } = await signInOverHttp(server.url, 'inspector@example.org', 'inspector-demo-2026');
    const preview = 'mutation ($input: PreviewRecommendationIntakeInput!) { previewRecommendationIntake(input: $input) { format } }';
    // A 9 MB file that is not a document: the body is read, and the file refused for what it is.
    const content = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(9 * 2 ** 20)]).toString('base64');
    const variables = { input: { publishedOn: '2026-01-01', file: { name: 'picture.pdf', contentBase64: content } } };
    const read = await postGraphql(server.url, preview, variables, { cookie: inspector });
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TYPE_NOT_SUPPORTED' });
    const tooLarge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: inspector },
      body: JSON.stringify({ query: preview, variables: { ...variables, padding: 'x'.repeat(16 * 2 ** 20) } }),
    });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses a request body over 1 MB and a form post (CSRF)', async () => {
    const large = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { email } }', variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(large.status).toBe(413);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'query=%7B%20me%20%7B%20email%20%7D%20%7D',
    });
    expect(form.status).toBe(400);
  });
});

describe(`what the server shows, on ${databaseKind}`, () => {
  it('keeps the schema for signed-in users: no introspection and no field suggestions for others', async () => {
    const introspection = '{ __schema { types { name } } }';
    expect(codeOf((await postGraphql(server.url, introspection)).body)).toBe('UNAUTHENTICATED');
    expect((await postGraphql(server.url, introspection, {}, { cookie })).body.errors).toBeUndefined();
    const typo = '{ me { emial } }';
    expect((await postGraphql(server.url, typo)).body.errors?.[0]?.message).not.toContain('Did you mean');
    expect((await postGraphql(server.url, typo, {}, { cookie })).body.errors?.[0]?.message).toContain('Did you mean');
  });

  it('sends security headers, and a content security policy that allows nothing outside the product', async () => {
    const page = await fetch(`${server.url}/healthz`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('lets no browser or proxy keep an answer', async () => {
    const query = '{ recommendations(first: 2) { totalCount edges { node { reference } } } }';
    const answers = [await postGraphql(server.url, query, {}, { cookie }), await postGraphql(server.url, query, {}, { cookie })];
    expect(answers.map((answer) => answer.body.errors)).toEqual([undefined, undefined]);
    // Every answer is computed afresh: none is served with an age.
    expect(answers.map((answer) => answer.headers.has('age'))).toEqual([false, false]);
    expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual(['no-store', 'no-store']);
    // Nor is one hashed for revalidation it can never have; and the API's own application names no framework.
    expect(answers.map((answer) => [answer.headers.get('etag'), answer.headers.get('x-powered-by')])).toEqual([[null, null], [null, null]]);
  });

  it('answers a malformed or unknown address with a 4xx in JSON, never a 500 or an HTML page', async () => {
    const answers = [];
    for (const path of ['/evidence-files/%ZZ', '/evidence-files/%E0%A4%A', '/reports/%ZZ/follow-up-pack.pdf', '/reports/%ZZ/follow-up-pack.json',
      '/assets/%ZZ', '/assets/%00', '/assets/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/assets/index-gone.js', '/healthz/%ZZ']) {
      const answer = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const body = answer.headers.get('content-type')?.startsWith('application/json') ? ((await answer.json()) as Parameters<typeof codeOf>[0]) : await answer.text();
      answers.push([path, answer.status, typeof body === 'string' ? body.slice(0, 40) : codeOf(body)]);
    }
    expect(answers).toEqual([
      ['/evidence-files/%ZZ', 400, 'BAD_REQUEST'],
      ['/evidence-files/%E0%A4%A', 400, 'BAD_REQUEST'],
      ['/reports/%ZZ/follow-up-pack.pdf', 400, 'BAD_REQUEST'],
      ['/reports/%ZZ/follow-up-pack.json', 400, 'BAD_REQUEST'],
      ['/assets/%ZZ', 400, 'BAD_REQUEST'],
      ['/assets/%00', 400, 'BAD_REQUEST'],
      ['/assets/..%2f..%2fpackage.json', 403, 'FORBIDDEN'],
      ['/assets/..%5c..%5cpackage.json', 403, 'FORBIDDEN'],
      // A file of an earlier build, asked for by a page opened before an upgrade.
      ['/assets/index-gone.js', 404, 'NOT_FOUND'],
      ['/healthz/%ZZ', 404, 'NOT_FOUND'],
    ]);
  });

  it('answers readiness while it accepts requests', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { signIn, REFUSE_AFTER_ACCOUNT_FAILURES, REFUSE_AFTER_ADDRESS_FAILURES } from '../../server/auth/sign-in.ts';
import { prisma } from '../../server/db/client.ts';
import { databaseKind } from '../support/database.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

// The real server over HTTP: cookies, bearer tokens and the sign-in limits as browsers and scripts meet them.
// Everything the server logs (at debug level) is kept, to look for secrets in it.
const logged: string[] = [];
const server = useTestServer({ logLevel: 'debug' }, { write: (line: string) => void logged.push(line) });

const ME = '{ me { email role } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { email } }';
const LOGOUT = 'mutation { logout }';
const READ = '{ recommendations(first: 1) { totalCount } }';
const CREATE_TOKEN = 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id prefix access isActive } } }';

async function tokenFor(email: string, password: string, access: 'READ' | 'READ_WRITE', expiresAt?: string) {
  const { cookie } = await signInOverHttp(server.url, email, password);
  const { body } = await postGraphql<{ createApiToken: { secret: string; token: { id: string; prefix: string; access: string } } }>(
    server.url, CREATE_TOKEN, { input: { name: `${access} script`, access, expiresAt } }, { cookie },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { cookie, ...body.data!.createApiToken };
}

describe(`sign-in and sessions on ${databaseKind}`, () => {
  it('signs in with an HTTP-only, SameSite session cookie, answers me, and ends the session on the server at logout', async () => {
    expect((await postGraphql(server.url, ME)).body).toEqual({ data: { me: null } });
    const { cookie, setCookie } = await signInOverHttp(server.url, 'Leader@Example.org', 'leader-demo-2026');
    expect(setCookie).toMatch(/^tracker_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toMatch(/Expires=/);
    expect(setCookie).not.toContain('Secure'); // plain http here: see the next test for https
    expect((await postGraphql(server.url, ME, {}, { cookie })).body).toEqual({ data: { me: { email: 'leader@example.org', role: 'LEADER' } } });
    const secret = cookie.split('=')[1]!;
    expect(await prisma.session.count({ where: { secretHash: secret } })).toBe(0); // only a hash is stored

    const logout = await postGraphql(server.url, LOGOUT, {}, { cookie });
    expect(logout.body).toEqual({ data: { logout: true } });
    expect(logout.headers.get('set-cookie')).toMatch(/tracker_session=;.*Expires=Thu, 01 Jan 1970/);
    // The old cookie is worthless now, even if a copy of it survives somewhere.
    expect((await postGraphql(server.url, ME, {}, { cookie })).body).toEqual({ data: { me: null } });
    expect((await postGraphql(server.url, READ, {}, { cookie })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const { cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026');
    await prisma.session.updateMany({ where: { user: { email: 'viewer@example.org' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await postGraphql(server.url, ME, {}, { cookie })).body).toEqual({ data: { me: null } });
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await postGraphql(server.url, LOGIN, { input: { email: 'viewer@example.org', password: 'not the password' } });
    const unknown = await postGraphql(server.url, LOGIN, { input: { email: 'nobody@example.org', password: 'not the password' } });
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.errors?.[0]).toMatchObject({ message: 'The email or password is not right.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('slows repeated failures, then refuses even the right password for a while, known account or not', async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    for (let attempt = 0; attempt < REFUSE_AFTER_ACCOUNT_FAILURES; attempt++) {
      await expect(signIn('hmpps.leader@example.org', 'guess', '198.51.100.7', sleep)).rejects.toThrow('not right');
    }
    expect(delays.length).toBeGreaterThan(3);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    const refused = await postGraphql(server.url, LOGIN, { input: { email: 'hmpps.leader@example.org', password: 'hmpps-demo-2026' } });
    expect(refused.body.errors?.[0]?.message).toMatch(/Too many failed sign-ins/);
    expect(refused.body.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    for (let attempt = 0; attempt < REFUSE_AFTER_ACCOUNT_FAILURES; attempt++) {
      await expect(signIn('ghost@example.org', 'guess', '198.51.100.8', sleep)).rejects.toThrow('not right');
    }
    await expect(signIn('ghost@example.org', 'guess', '198.51.100.8', sleep)).rejects.toThrow(/Too many failed sign-ins/);
    // Another account from the same address is not locked out by the first.
    expect((await signInOverHttp(server.url, 'inspector@example.org', 'inspector-demo-2026')).cookie).toMatch(/^tracker_session=/);
  });
});

describe(`sign-in limits under a burst, on ${databaseKind}`, () => {
  it('counts wrong passwords sent all at once one by one: only the limit of them are ever checked', async () => {
    const noDelay = async () => {};
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => signIn('burst@example.org', `guess ${i}`, '198.51.100.20', noDelay)),
    );
    const messages = outcomes.map((outcome) => (outcome.status === 'rejected' ? String((outcome.reason as Error).message) : 'signed in'));
    expect(messages.filter((message) => message.includes('not right'))).toHaveLength(REFUSE_AFTER_ACCOUNT_FAILURES);
    expect(messages.filter((message) => message.includes('Too many failed sign-ins'))).toHaveLength(40 - REFUSE_AFTER_ACCOUNT_FAILURES);
    expect(await prisma.loginAttempt.count({ where: { email: 'burst@example.org' } })).toBe(REFUSE_AFTER_ACCOUNT_FAILURES);
  });

  it('says truly how long an address must wait, and lets it in when that time has passed', async () => {
    const address = '198.51.100.30';
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // The limit reached: one failure 14½ minutes ago, the rest just now, on many accounts.
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: REFUSE_AFTER_ADDRESS_FAILURES }, (_, i) => ({
        email: `spray${i}@example.org`, address, succeeded: false, createdAt: i === 0 ? minutesAgo(14.5) : minutesAgo(0.5),
      })),
    });
    const refusal = await signIn('someone@example.org', 'guess', address).catch((error: { message: string; extensions: { retryAfter: number } }) => error);
    expect(refusal).toMatchObject({ message: 'Too many failed sign-ins. Try again in 1 minute.' });
    expect((refusal as { extensions: { retryAfter: number } }).extensions.retryAfter).toBeLessThanOrEqual(31);
    // Half a minute on, the oldest failure has left the window: the address may try again.
    await prisma.loginAttempt.updateMany({ where: { address, createdAt: { lt: minutesAgo(10) } }, data: { createdAt: minutesAgo(16) } });
    await expect(signIn('someone@example.org', 'guess', address, async () => {})).rejects.toThrow('not right');
    // Now the rest fill it again, all recent: the wait is most of the window.
    const again = await signIn('someone@example.org', 'guess', address).catch((error: { message: string }) => error);
    expect(again).toMatchObject({ message: expect.stringMatching(/Try again in 1[45] minutes\./) });
  });
});

describe(`account changes on ${databaseKind}`, () => {
  const UPDATE_USER = 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { active version } }';
  const userOf = async (email: string) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { id: Buffer.from(`User:${user.id}`).toString('base64'), version: user.version };
  };

  it('ends sessions and revokes API tokens when an account is deactivated; reactivating brings neither back', async () => {
    // The earlier test's lock-out is over for this account.
    await prisma.loginAttempt.deleteMany({ where: { email: 'hmpps.leader@example.org' } });
    const admin = await signInOverHttp(server.url, 'admin@example.org', 'admin-demo-2026');
    const { cookie, secret } = await tokenFor('hmpps.leader@example.org', 'hmpps-demo-2026', 'READ');
    const bearer = { authorization: `Bearer ${secret}` };
    let user = await userOf('hmpps.leader@example.org');
    const off = await postGraphql(server.url, UPDATE_USER, { input: { ...user, active: false } }, { cookie: admin.cookie });
    expect(off.body.errors).toBeUndefined();
    expect((await postGraphql(server.url, ME, {}, { cookie })).body).toEqual({ data: { me: null } });
    expect((await postGraphql(server.url, READ, {}, bearer)).status).toBe(401);
    user = await userOf('hmpps.leader@example.org');
    expect((await postGraphql(server.url, UPDATE_USER, { input: { ...user, active: true } }, { cookie: admin.cookie })).body.errors).toBeUndefined();
    expect((await postGraphql(server.url, READ, {}, bearer)).status).toBe(401);
    const revoked = await prisma.historyEvent.findMany({ where: { subject: 'API_TOKEN', comment: 'revoked: its user was deactivated' } });
    expect(revoked.length).toBeGreaterThan(0);
  });

  it('ends sessions when an administrator sets a new password, and leaves API tokens working', async () => {
    const admin = await signInOverHttp(server.url, 'admin@example.org', 'admin-demo-2026');
    const { cookie, secret } = await tokenFor('leader@example.org', 'leader-demo-2026', 'READ');
    const user = await userOf('leader@example.org');
    const reset = await postGraphql(server.url, UPDATE_USER, { input: { ...user, password: 'a-new-password-2026' } }, { cookie: admin.cookie });
    expect(reset.body.errors).toBeUndefined();
    expect((await postGraphql(server.url, ME, {}, { cookie })).body).toEqual({ data: { me: null } });
    expect((await postGraphql(server.url, READ, {}, { authorization: `Bearer ${secret}` })).body.errors).toBeUndefined();
  });
});

describe(`API tokens on ${databaseKind}`, () => {
  it('shows the secret once, stores only its hash, and lists tokens without secrets', async () => {
    const { cookie, secret, token } = await tokenFor('inspector@example.org', 'inspector-demo-2026', 'READ');
    expect(secret).toMatch(/^trk_[\w-]{40,}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "ApiToken" t`);
    for (const { row } of rows) expect(row).not.toContain(secret.slice(4));
    const listed = await postGraphql(server.url, '{ apiTokens { name prefix access lastUsedAt isActive } }', {}, { cookie });
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(4));
    expect(listed.body.data).toMatchObject({ apiTokens: [{ name: 'READ script', access: 'READ', isActive: true }] });
  });

  it('lets a read token read but never write, and records last use', async () => {
    const { secret } = await tokenFor('inspector@example.org', 'inspector-demo-2026', 'READ');
    const bearer = { authorization: `Bearer ${secret}` };
    const read = await postGraphql(server.url, READ, {}, bearer);
    expect(read.body.errors).toBeUndefined();
    const hmip = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMIP' } });
    const before = await prisma.report.count();
    const write = await postGraphql(server.url, 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }', {
      input: { title: 'x', kind: 'THEMATIC', publishedOn: '2026-01-01', inspectorateId: Buffer.from(`Organisation:${hmip.id}`).toString('base64'), recommendations: [] },
    }, bearer);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.report.count()).toBe(before);
    const token = await prisma.apiToken.findFirstOrThrow({ where: { secretHash: { not: '' }, access: 'READ' }, orderBy: { id: 'desc' } });
    expect(token.lastUsedAt).not.toBeNull();
  });

  it('lets a read-write token act as its user, with the token named in history', async () => {
    const { secret } = await tokenFor('inspector@example.org', 'inspector-demo-2026', 'READ_WRITE');
    const bearer = { authorization: `Bearer ${secret}` };
    const theme = await prisma.theme.findFirstOrThrow();
    const hmip = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMIP' } });
    const ids = { theme: Buffer.from(`Theme:${theme.id}`).toString('base64'), hmip: Buffer.from(`Organisation:${hmip.id}`).toString('base64') };
    const created = await postGraphql<{ createReport: { id: string } }>(server.url,
      'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
      { input: { title: 'Loaded by a script', kind: 'INSPECTION', publishedOn: '2026-02-02', inspectorateId: ids.hmip, recommendations: [] } },
      bearer,
    );
    expect(created.body.errors).toBeUndefined();
    const event = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'REPORT', kind: 'CREATED' }, orderBy: { id: 'desc' }, include: { actor: true, apiToken: true } });
    expect(event.actor.email).toBe('inspector@example.org');
    expect(event.apiToken?.name).toBe('READ_WRITE script');
    // A token cannot make another token.
    const again = await postGraphql(server.url, CREATE_TOKEN, { input: { name: 'child', access: 'READ' } }, bearer);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never grants more than its user has: a viewer’s read-write token still cannot write', async () => {
    const { secret } = await tokenFor('viewer@example.org', 'viewer-demo-2026', 'READ_WRITE');
    const result = await postGraphql(server.url, 'mutation { logout }', {}, { authorization: `Bearer ${secret}` });
    expect(result.body.errors).toBeUndefined();
    const rec = await prisma.recommendation.findFirstOrThrow();
    const write = await postGraphql(server.url, 'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status } }', {
      input: { id: Buffer.from(`Recommendation:${rec.id}`).toString('base64'), version: rec.version, status: 'NOT_PLANNED', comment: 'x' },
    }, { authorization: `Bearer ${secret}` });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses revoked and expired tokens with 401, and a wrong token is never anonymous', async () => {
    const { cookie, secret, token } = await tokenFor('admin@example.org', 'admin-demo-2026', 'READ');
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await postGraphql(server.url, READ, {}, bearer)).body.errors).toBeUndefined();
    const revoked = await postGraphql(server.url, 'mutation ($id: ID!) { revokeApiToken(id: $id) { isActive revokedAt } }', { id: token.id }, { cookie });
    expect(revoked.body.data).toMatchObject({ revokeApiToken: { isActive: false } });
    const after = await postGraphql(server.url, READ, {}, bearer);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const expiring = await tokenFor('admin@example.org', 'admin-demo-2026', 'READ', new Date(Date.now() + 60_000).toISOString());
    await prisma.apiToken.updateMany({ where: { prefix: expiring.token.prefix }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await postGraphql(server.url, READ, {}, { authorization: `Bearer ${expiring.secret}` })).status).toBe(401);
    expect((await postGraphql(server.url, ME, {}, { authorization: 'Bearer trk_made-up' })).status).toBe(401);
    expect((await postGraphql(server.url, ME, {}, { authorization: 'Basic abc' })).status).toBe(401);
  });
});

describe(`secrets on ${databaseKind}`, () => {
  it('keeps passwords and token secrets out of the database, the logs and the errors', async () => {
    const secrets = ['leader-demo-2026', 'viewer-demo-2026', 'inspector-demo-2026', 'admin-demo-2026', 'hmpps-demo-2026', 'not the password', 'guess'];
    const { secret } = await tokenFor('admin@example.org', 'admin-demo-2026', 'READ');
    await postGraphql(server.url, READ, {}, { authorization: `Bearer ${secret}x` });
    const tables = ['User', 'Session', 'ApiToken', 'HistoryEvent', 'LoginAttempt'];
    for (const table of tables) {
      const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
      const text = rows.map((r) => r.row).join('\n');
      for (const value of [...secrets, secret.slice(4)]) expect(text, `${table} holds a secret`).not.toContain(value);
    }
    const logs = logged.join('');
    expect(logs).toContain('"msg":"request"');
    for (const value of [...secrets, secret.slice(4)]) expect(logs).not.toContain(value);
  });
});

describe(`housekeeping on ${databaseKind}`, () => {
  it('removes expired sessions and sign-in attempts older than the window, and keeps the rest', async () => {
    const { removeExpiredSessions } = await import('../../server/auth/sessions.ts');
    const { removeOldSignInAttempts } = await import('../../server/auth/sign-in.ts');
    const user = await prisma.user.findFirstOrThrow();
    await prisma.session.create({ data: { userId: user.id, secretHash: 'expired-one', expiresAt: new Date(Date.now() - 60_000) } });
    await prisma.loginAttempt.create({ data: { email: 'old@example.org', address: '192.0.2.50', succeeded: false, createdAt: new Date(Date.now() - 3_600_000) } });
    const live = await prisma.session.count({ where: { expiresAt: { gt: new Date() } } });
    expect(await removeExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await removeOldSignInAttempts()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { secretHash: 'expired-one' } })).toBe(0);
    expect(await prisma.session.count()).toBe(live);
    expect(await prisma.loginAttempt.count({ where: { email: 'old@example.org' } })).toBe(0);
  });
});

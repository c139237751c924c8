import { describe, expect, it, vi } from 'vitest';
import { authenticate, SESSION_COOKIE } from '../../server/auth/authenticate.ts';
import { endSession, startSession } from '../../server/auth/sessions.ts';
import { prisma } from '../../server/db/client.ts';
import { ACCESS_CACHE_MS } from '../../server/auth/access-cache.ts';
import { databaseKind, useTestDatabase, writeAsAnotherClient } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { countStatements, gql, globalId, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
useGraphql();
const { as } = useDemo();

const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status } }`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { active } }`;
const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id } } }`;

/** Who a cookie signs in, and how many SQL statements it took to find out. */
async function signedIn(secret: string) {
  const { result, statements } = await countStatements(() => authenticate({ cookie: `${SESSION_COOKIE}=${secret}` }));
  return { userId: result?.userId ?? null, statements: statements.length };
}

/** A new session for the user. */
async function signIn(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { user, secret: (await startSession(user.id)).secret };
}

describe(`signed-in sessions and tokens kept in memory for seconds, forgotten at once when this process changes them, on ${databaseKind}`, () => {
  it('read a session once, not on every request, and keep it through changes to the records', async () => {
    const { user, secret } = await signIn('leader@example.org');
    expect(await signedIn(secret)).toEqual({ userId: user.id, statements: 1 });
    expect(await signedIn(secret)).toEqual({ userId: user.id, statements: 0 });

    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', owner: { shortName: 'HMPPS' } } });
    await gql(STATUS, { input: { id: globalId('Recommendation', rec.id), version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.hmppsLeader);
    expect(await signedIn(secret)).toEqual({ userId: user.id, statements: 0 });
  });

  it('refuse an ended session from the moment it ends', async () => {
    const { user, secret } = await signIn('viewer@example.org');
    expect((await signedIn(secret)).userId).toBe(user.id);
    expect(await endSession(secret)).toBe(true);
    expect((await signedIn(secret)).userId).toBeNull();
  });

  it('refuse a deactivated user’s session, and a revoked token, from the moment the change commits', async () => {
    const { user, secret } = await signIn('inspector@example.org');
    const made = await gql(CREATE_TOKEN, { input: { name: 'nightly import', access: 'READ' } }, as.inspector);
    const bearer = { authorization: `Bearer ${made.createApiToken.secret}` };
    // Its first use is recorded on the token, which is then read afresh once.
    const first = await countStatements(() => authenticate(bearer));
    expect([first.result?.userId, first.statements.length]).toEqual([user.id, 2]);
    expect((await countStatements(() => authenticate(bearer))).statements).toHaveLength(1);
    expect((await countStatements(() => authenticate(bearer))).statements).toHaveLength(0);

    await gql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: made.createApiToken.token.id }, as.inspector);
    await expect(authenticate(bearer)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    expect((await signedIn(secret)).userId).toBe(user.id);
    const { version } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    await gql(UPDATE_USER, { input: { id: globalId('User', user.id), version, active: false } }, as.admin);
    expect((await signedIn(secret)).userId).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { active: true, version: { increment: 1 } } });
  });

  it('refuse a session ended by another server process, or straight in the database, within the seconds it is kept', async () => {
    const { user, secret } = await signIn('admin@example.org');
    expect((await signedIn(secret)).userId).toBe(user.id);
    const ended = Date.now();
    await writeAsAnotherClient(test, `DELETE FROM "Session" WHERE "userId" = ${user.id}`);
    await vi.waitFor(async () => expect((await signedIn(secret)).userId).toBeNull(), { timeout: ACCESS_CACHE_MS + 2000, interval: 50 });
    expect(Date.now() - ended).toBeLessThanOrEqual(ACCESS_CACHE_MS + 1000);
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { as } = useDemo();

/** What a user's page lists: the changes to their account, newest first, in the words shown. */
const ACCOUNT = `query ($userId: ID!) { history(first: 50, filter: { userId: $userId }) { totalCount edges { node { subject summary comment actor { name } } } } }`;
const MAKE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`;

describe(`a person's account history, on ${databaseKind}`, () => {
  it('holds the changes to their API tokens, whoever made them, for them and administrators only', async () => {
    const viewer = globalId('User', as.viewer.userId);
    const made = await gql(MAKE, { input: { userId: viewer, name: 'nightly export', access: 'READ' } }, as.admin);
    await gql(REVOKE, { id: made.createApiToken.token.id }, as.admin);
    await gql(MAKE, { input: { name: 'my own script', access: 'READ' } }, as.viewer);
    // The administrator's own token is a change to the administrator's account, not the viewer's.
    await gql(MAKE, { input: { name: 'admin tooling', access: 'READ_WRITE' } }, as.admin);

    const lines = (data: { history: { edges: { node: { subject: string; summary: string; actor: { name: string } } }[] } }) =>
      data.history.edges.filter((edge) => edge.node.subject === 'API_TOKEN').map((edge) => `${edge.node.actor.name} ${edge.node.summary}`);
    const admin = await prisma.user.findUniqueOrThrow({ where: { id: as.admin.userId } });
    const person = await prisma.user.findUniqueOrThrow({ where: { id: as.viewer.userId } });
    const expected = [
      `${person.name} added an API token “my own script” (Read only)`,
      `${admin.name} revoked the API token “nightly export”`,
      `${admin.name} added an API token “nightly export” (Read only)`,
    ];
    // The administrator on the person's page, and the person themselves.
    expect(lines(await gql(ACCOUNT, { userId: viewer }, as.admin))).toEqual(expected);
    expect(lines(await gql(ACCOUNT, { userId: viewer }, as.viewer))).toEqual(expected);
    // Anyone else sees none of it, by the filter or without one.
    expect((await gql(ACCOUNT, { userId: viewer }, as.leader)).history).toEqual({ totalCount: 0, edges: [] });
    const everything = await gql(`{ history(first: 100, filter: { subjects: [API_TOKEN, USER] }) { edges { node { summary } } } }`, {}, as.leader);
    expect(everything.history.edges.map((edge: { node: { summary: string } }) => edge.node.summary).join('\n')).not.toMatch(/nightly export|my own script|admin tooling/);
  });

  it('holds the tokens revoked when the account was deactivated', async () => {
    const leader = globalId('User', as.leader.userId);
    await gql(MAKE, { input: { name: 'weekly return', access: 'READ_WRITE' } }, as.leader);
    const { version } = await prisma.user.findUniqueOrThrow({ where: { id: as.leader.userId } });
    await gql(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: leader, version, active: false } }, as.admin);
    const history = await gql(ACCOUNT, { userId: leader }, as.admin);
    type Edge = { node: { subject: string; summary: string; comment: string | null } };
    const edges: Edge[] = history.history.edges;
    const revoked = edges.findIndex((edge) => edge.node.subject === 'API_TOKEN' && edge.node.comment?.includes('deactivated'));
    expect(edges[revoked]?.node.summary).toBe('revoked the API token “weekly return”');
    // Newest first, the deactivation reads before what it did.
    const deactivated = edges.findIndex((edge) => edge.node.subject === 'USER');
    expect(edges[deactivated]?.node.summary).toBe('deactivated the user');
    expect(deactivated).toBeLessThan(revoked);
  });

  it('is given, on upgrading, to the changes recorded before it was kept', async () => {
    // The upgrade's own statements, run again over events recorded without the account they concern.
    const folder = fs.readdirSync('prisma/migrations').find((name) => name.endsWith('_history_account'))!;
    const sql = fs.readFileSync(`prisma/migrations/${folder}/migration.sql`, 'utf8');
    const backfill = sql.slice(sql.indexOf('UPDATE "HistoryEvent"')).split(';').map((statement) => statement.trim()).filter(Boolean);
    expect(backfill).toHaveLength(2);
    await gql(MAKE, { input: { userId: globalId('User', as.viewer.userId), name: 'made before the upgrade', access: 'READ' } }, as.admin);
    await gql(`mutation { setDigestFrequency(frequency: WEEKLY) { id } }`, {}, as.viewer);
    const before = await prisma.historyEvent.findMany({ where: { subject: { in: ['USER', 'API_TOKEN'] } }, select: { id: true, accountId: true }, orderBy: { id: 'asc' } });
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((event) => event.accountId !== null)).toBe(true);
    await prisma.$executeRawUnsafe(`UPDATE "HistoryEvent" SET "accountId" = NULL`);
    for (const statement of backfill) await prisma.$executeRawUnsafe(statement);
    const after = await prisma.historyEvent.findMany({ where: { subject: { in: ['USER', 'API_TOKEN'] } }, select: { id: true, accountId: true }, orderBy: { id: 'asc' } });
    expect(after).toEqual(before);
    expect(await prisma.historyEvent.count({ where: { subject: { notIn: ['USER', 'API_TOKEN'] }, accountId: { not: null } } })).toBe(0);
  });
});

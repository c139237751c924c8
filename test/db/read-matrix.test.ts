import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { inTransaction, prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { execute, globalId, useGraphql } from '../support/graphql.ts';

/**
 * Who may read what, through every path to it: `node`, `nodes`, the type's own root field, and a
 * relation from another record. The records are for every signed-in caller, inside their
 * organisation's subtree or not; an account's details, tokens and history are for its owner and
 * administrators alone. A path that would show more than the type's rule allows is a leak.
 */
useTestDatabase();
useGraphql();
const { as } = useDemo();

type Who = 'anonymous' | 'viewer' | 'viewerReadToken' | 'leader' | 'leaderElsewhere' | 'inspector' | 'administrator' | 'administratorReadToken';
const everyone: Who[] = ['anonymous', 'viewer', 'viewerReadToken', 'leader', 'leaderElsewhere', 'inspector', 'administrator', 'administratorReadToken'];
const signedIn = everyone.filter((who) => who !== 'anonymous');

function actorFor(who: Who): Actor | null {
  switch (who) {
    case 'anonymous':
      return null;
    case 'viewer':
      return as.viewer;
    case 'viewerReadToken':
      return { ...as.viewer, apiTokenId: tokens.viewer, access: 'READ' };
    // Wales's leader; HMPPS's leader is the one "elsewhere" for Wales's records, and the other way round.
    case 'leader':
      return as.leader;
    case 'leaderElsewhere':
      return as.hmppsLeader;
    case 'inspector':
      return as.inspector;
    case 'administrator':
      return as.admin;
    case 'administratorReadToken':
      return { ...as.admin, apiTokenId: tokens.admin, access: 'READ' };
  }
}

/** A record to read, how to reach it by a relation, and who may read it. */
type Subject = {
  name: string;
  type: string;
  id: () => number;
  /** A field of the type, read to show the record was seen. */
  field: string;
  /** The type's own root field (and argument), if it has one. */
  root?: string;
  /** A query reaching it through another record, with its value at `path`. */
  nested?: { query: () => string; pick: (data: any) => unknown };
  readers: Who[];
};

const tokens = { viewer: 0, leader: 0, admin: 0 };
const ids: Record<string, number> = {};

beforeAll(async () => {
  const make = (userId: number, name: string) =>
    prisma.apiToken.create({ data: { userId, name, prefix: `trk_${name}`, secretHash: `matrix ${name} ${Math.random()}`, access: 'READ' } });
  tokens.viewer = (await make(as.viewer.userId, 'viewer')).id;
  tokens.leader = (await make(as.leader.userId, 'leader')).id;
  tokens.admin = (await make(as.admin.userId, 'admin')).id;
  const wales = await prisma.organisation.findFirstOrThrow({ where: { name: { contains: 'Wales' } } });
  const walesItem = await prisma.actionItem.findFirstOrThrow({ where: { owner: { path: { startsWith: wales.path } } }, include: { evidence: true } });
  const londonItem = await prisma.actionItem.findFirstOrThrow({ where: { owner: { name: { contains: 'London' } } } });
  const evidence = walesItem.evidence[0] ?? (await prisma.evidence.findFirstOrThrow());
  ids.walesItem = walesItem.id;
  ids.londonItem = londonItem.id;
  ids.evidence = evidence.id;
  ids.recommendation = walesItem.recommendationId;
  ids.report = (await prisma.recommendation.findUniqueOrThrow({ where: { id: walesItem.recommendationId } })).reportId;
  ids.organisation = wales.id;
  ids.assessment = (await prisma.assessment.findFirstOrThrow()).id;
  ids.theme = (await prisma.theme.findFirstOrThrow()).id;
  ids.comment = (await prisma.comment.create({ data: { recommendationId: ids.recommendation, authorId: as.inspector.userId, text: 'Matrix comment.' } })).id;
  ids.recordEvent = (await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'RECOMMENDATION', recommendationId: ids.recommendation }, orderBy: { id: 'desc' } })).id;
  // An account change: the viewer's own account, changed by the administrator.
  ids.accountEvent = (
    await prisma.historyEvent.create({ data: { kind: 'UPDATED', subject: 'USER', subjectId: as.viewer.userId, accountId: as.viewer.userId, field: 'name', fromValue: 'a', toValue: 'b', actorId: as.admin.userId } })
  ).id;
  ids.tokenEvent = (await prisma.historyEvent.create({ data: { kind: 'CREATED', subject: 'API_TOKEN', subjectId: tokens.leader, accountId: as.leader.userId, toValue: 'leader (READ)', actorId: as.leader.userId } })).id;
  // A token the administrator made for the viewer: a change to the viewer's account, not the administrator's.
  const made = await inTransaction((tx) => createApiToken(tx, as.admin, { userId: as.viewer.userId, name: 'made for the viewer', access: 'READ' }));
  ids.tokenMadeForViewer = (await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'API_TOKEN', subjectId: made.id } })).id;
});

const records: Who[] = signedIn;
const subjects: Subject[] = [
  { name: 'a recommendation', type: 'Recommendation', id: () => ids.recommendation!, field: 'reference', root: 'recommendation', readers: records,
    nested: { query: () => `{ report(id: "${globalId('Report', ids.report!)}") { recommendations(first: 100) { edges { node { id reference } } } } }`,
      pick: (data) => data?.report?.recommendations.edges.find((e: any) => e.node.id === globalId('Recommendation', ids.recommendation!))?.node.reference } },
  { name: 'a report', type: 'Report', id: () => ids.report!, field: 'title', root: 'report', readers: records,
    nested: { query: () => `{ recommendation(id: "${globalId('Recommendation', ids.recommendation!)}") { report { title } } }`, pick: (data) => data?.recommendation?.report.title } },
  { name: 'an organisation', type: 'Organisation', id: () => ids.organisation!, field: 'name', root: 'organisation', readers: records,
    nested: { query: () => `{ actionItem(id: "${globalId('ActionItem', ids.walesItem!)}") { owner { parent { name } } } }`, pick: (data) => data?.actionItem?.owner.parent?.name ?? data?.actionItem?.owner.name } },
  { name: 'an action item of the leader’s own organisation', type: 'ActionItem', id: () => ids.walesItem!, field: 'description', root: 'actionItem', readers: records,
    nested: { query: () => `{ recommendation(id: "${globalId('Recommendation', ids.recommendation!)}") { actionItems(first: 100) { edges { node { id description } } } } }`,
      pick: (data) => data?.recommendation?.actionItems.edges.find((e: any) => e.node.id === globalId('ActionItem', ids.walesItem!))?.node.description } },
  { name: 'an action item of another organisation', type: 'ActionItem', id: () => ids.londonItem!, field: 'description', root: 'actionItem', readers: records },
  { name: 'evidence', type: 'Evidence', id: () => ids.evidence!, field: 'summary', root: 'evidenceItem', readers: records,
    nested: { query: () => `{ evidence(first: 100) { edges { node { id summary } } } }`, pick: (data) => data?.evidence?.edges.find((e: any) => e.node.id === globalId('Evidence', ids.evidence!))?.node.summary } },
  { name: 'an assessment', type: 'Assessment', id: () => ids.assessment!, field: 'verdict', root: 'assessment', readers: records },
  { name: 'a theme', type: 'Theme', id: () => ids.theme!, field: 'name', root: 'theme', readers: records },
  // A discussion is for inspectors and the leaders of the organisations concerned (Wales owns an action; HMPPS is above it), not viewers.
  { name: 'a comment in a discussion the leaders’ organisations are concerned by', type: 'Comment', id: () => ids.comment!, field: 'text',
    readers: ['leader', 'leaderElsewhere', 'inspector', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ recommendation(id: "${globalId('Recommendation', ids.recommendation!)}") { discussion { id text } } }`,
      pick: (data) => data?.recommendation?.discussion?.find((c: any) => c.id === globalId('Comment', ids.comment!))?.text } },
  { name: 'a change to a record', type: 'HistoryEvent', id: () => ids.recordEvent!, field: 'kind', readers: records,
    nested: { query: () => `{ recommendation(id: "${globalId('Recommendation', ids.recommendation!)}") { history(first: 100) { edges { node { id kind } } } } }`,
      pick: (data) => data?.recommendation?.history.edges.find((e: any) => e.node.id === globalId('HistoryEvent', ids.recordEvent!))?.node.kind } },
  { name: 'a change to the viewer’s account', type: 'HistoryEvent', id: () => ids.accountEvent!, field: 'toValue', readers: ['viewer', 'viewerReadToken', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ history(first: 100) { edges { node { id toValue } } } }`,
      pick: (data) => data?.history?.edges.find((e: any) => e.node.id === globalId('HistoryEvent', ids.accountEvent!))?.node.toValue } },
  { name: 'the leader’s change to their own API token', type: 'HistoryEvent', id: () => ids.tokenEvent!, field: 'toValue', readers: ['leader', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ history(first: 100, filter: { subjects: [API_TOKEN] }) { edges { node { id toValue } } } }`,
      pick: (data) => data?.history?.edges.find((e: any) => e.node.id === globalId('HistoryEvent', ids.tokenEvent!))?.node.toValue } },
  { name: 'the administrator’s making of the viewer’s API token', type: 'HistoryEvent', id: () => ids.tokenMadeForViewer!, field: 'toValue',
    readers: ['viewer', 'viewerReadToken', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ history(first: 100, filter: { userId: "${globalId('User', as.viewer.userId)}" }) { edges { node { id toValue } } } }`,
      pick: (data) => data?.history?.edges.find((e: any) => e.node.id === globalId('HistoryEvent', ids.tokenMadeForViewer!))?.node.toValue } },
  { name: 'a person’s name', type: 'User', id: () => as.leader.userId, field: 'name', root: 'user', readers: records,
    nested: { query: () => `{ history(first: 1, filter: { actorId: "${globalId('User', as.leader.userId)}" }) { edges { node { actor { name } } } } }`,
      pick: (data) => data?.history?.edges[0]?.node.actor.name } },
  { name: 'the leader’s email', type: 'User', id: () => as.leader.userId, field: 'email', root: 'user', readers: ['leader', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ users(first: 100) { edges { node { id email } } } }`, pick: (data) => data?.users?.edges.find((e: any) => e.node?.id === globalId('User', as.leader.userId))?.node.email } },
  // No relation leads to a token: its root field is the list of one person's tokens.
  { name: 'the viewer’s API token', type: 'ApiToken', id: () => tokens.viewer, field: 'prefix', readers: ['viewer', 'viewerReadToken', 'administrator', 'administratorReadToken'],
    nested: { query: () => `{ apiTokens(userId: "${globalId('User', as.viewer.userId)}") { id prefix } }`, pick: (data) => data?.apiTokens?.find((t: any) => t.id === globalId('ApiToken', tokens.viewer))?.prefix } },
  { name: 'the administrator’s API token', type: 'ApiToken', id: () => tokens.admin, field: 'prefix', readers: ['administrator', 'administratorReadToken'],
    nested: { query: () => `{ apiTokens(userId: "${globalId('User', as.admin.userId)}") { id prefix user { email } } }`,
      pick: (data) => data?.apiTokens?.find((t: any) => t.id === globalId('ApiToken', tokens.admin))?.prefix } },
  { name: 'the administrator’s API token, among everyone’s', type: 'ApiToken', id: () => tokens.admin, field: 'prefix', readers: ['administrator', 'administratorReadToken'],
    nested: { query: () => `{ apiTokens(all: true) { id prefix } }`, pick: (data) => data?.apiTokens?.find((t: any) => t.id === globalId('ApiToken', tokens.admin))?.prefix } },
];

type Seen = { value: unknown; codes: string[] };

async function read(query: string, who: Who, pick: (data: any) => unknown): Promise<Seen> {
  const result = await execute(query, {}, actorFor(who));
  return { value: pick(result.data), codes: (result.errors ?? []).map((error) => String(error.extensions?.code)) };
}

describe(`who may read what, through every path, on ${databaseKind}`, () => {
  for (const subject of subjects) {
    it(`${subject.name} (${subject.type}): read by ${subject.readers.length === signedIn.length ? 'everyone signed in' : subject.readers.join(', ')}, seen by no one else`, async () => {
      const outcomes: Record<string, Record<string, boolean>> = {};
      const expected: Record<string, Record<string, boolean>> = {};
      const id = globalId(subject.type, subject.id());
      const paths: [string, () => string, (data: any) => unknown][] = [
        ['node', () => `{ node(id: "${id}") { ... on ${subject.type} { ${subject.field} } } }`, (data) => data?.node?.[subject.field]],
        ['nodes', () => `{ nodes(ids: ["${id}"]) { ... on ${subject.type} { ${subject.field} } } }`, (data) => data?.nodes?.[0]?.[subject.field]],
      ];
      if (subject.root) paths.push(['root field', () => `{ ${subject.root}(id: "${id}") { ${subject.field} } }`, (data) => data?.[subject.root!]?.[subject.field]]);
      if (subject.nested) paths.push(['relation', subject.nested.query, subject.nested.pick]);
      for (const who of everyone) {
        for (const [path, query, pick] of paths) {
          const seen = await read(query(), who, pick);
          expect(seen.codes, `${who} through ${path}`).not.toContain('INTERNAL_SERVER_ERROR');
          (outcomes[path] ??= {})[who] = seen.value !== undefined && seen.value !== null;
          (expected[path] ??= {})[who] = subject.readers.includes(who);
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('lets no one find out another’s email by searching for it, as a count would tell', async () => {
    const leader = await prisma.user.findUniqueOrThrow({ where: { id: as.leader.userId } });
    // A piece of the address that is not in the name.
    const piece = leader.email.split('@')[0]!.slice(-4) + '@';
    const found = async (who: Who) =>
      ((await execute<{ users: { totalCount: number } }>('query ($s: String) { users(filter: { search: $s }) { totalCount } }', { s: piece }, actorFor(who))).data?.users.totalCount ?? 0);
    for (const who of ['viewer', 'viewerReadToken', 'leader', 'leaderElsewhere', 'inspector'] as Who[]) expect(await found(who), who).toBe(0);
    expect(await found('administrator')).toBeGreaterThan(0);
  });

  it('tells each caller what they may do, in the same words the schema uses', async () => {
    const permissions = async (who: Who) => ((await execute<{ permissions: string[] }>('{ permissions }', {}, actorFor(who))).data?.permissions ?? []).sort();
    expect(await permissions('anonymous')).toEqual([]);
    expect(await permissions('viewer')).toEqual(['CHOOSE_REMINDERS', 'MANAGE_API_TOKEN', 'READ_ACCOUNT', 'READ_RECORDS']);
    expect(await permissions('viewerReadToken')).toEqual(['READ_ACCOUNT', 'READ_RECORDS']);
    expect(await permissions('leader')).toEqual(['CHOOSE_REMINDERS', 'DISCUSS', 'MANAGE_ACTION_ITEM', 'MANAGE_API_TOKEN', 'READ_ACCOUNT', 'READ_DISCUSSION', 'READ_RECORDS', 'RESPOND', 'SUBMIT_EVIDENCE', 'UPDATE_STATUS']);
    expect(await permissions('inspector')).not.toContain('ADMINISTER');
    expect(await permissions('administratorReadToken')).toEqual(['READ_ACCOUNT', 'READ_DISCUSSION', 'READ_RECORDS']);
    expect((await permissions('administrator')).length).toBe(18);
  });
});

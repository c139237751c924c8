import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { markMentionsNotified, pendingMentions } from '../../server/domain/discussion.ts';
import { wordHistoryEvent } from '../../server/domain/history-wording.ts';
import { workOf } from '../../server/domain/my-work.ts';
import { itemLink } from '../../server/reminders/digest-message.ts';
import { databaseFingerprint } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, gqlError, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id text author { name } mentions { person { name } } viewerCanDelete actionItem { id } } }`;
const DELETE = `mutation ($input: DeleteCommentInput!) { deleteComment(input: $input) { id text deletedAt viewerCanDelete } }`;
const THREAD = `query ($id: ID!) { node(id: $id) { ... on Recommendation { viewerCanReadDiscussion viewerCanDiscuss discussion { id text author { name } mentions { person { name } } } } } }`;
const COMMENT = `query ($id: ID!) { node(id: $id) { ... on Comment { id text } } }`;
const PARTICIPANTS = `query ($id: ID!, $search: String) { discussionParticipants(recommendationId: $id, search: $search) { name role } }`;
const UNREAD = `{ unreadMentionCount myMentions { comment { text recommendation { reference } } } }`;
const MARK_READ = `mutation ($input: MarkMentionsReadInput!) { markMentionsRead(input: $input) }`;

/** Runs a refused operation and checks it changed nothing at all. */
async function refused(code: string, query: string, variables: Record<string, unknown>, actor: Actor) {
  const before = await databaseFingerprint();
  const error = await gqlError(code, query, variables, actor);
  expect(await databaseFingerprint()).toBe(before);
  return error;
}

describe(`the discussion of a recommendation on ${databaseKind}`, () => {
  /** A recommendation owned by and addressed to HMPPS alone, with no Welsh action: Wales is not concerned. */
  let rec: { id: string; dbId: number };
  /** The leader of an organisation outside the HMPPS tree, which the recommendation does not concern. */
  let outsider: Actor;
  let outsiderName: string;

  beforeAll(async () => {
    const found = await prisma.recommendation.findFirstOrThrow({
      where: {
        owner: { shortName: 'HMPPS' },
        addressees: { every: { organisation: { shortName: 'HMPPS' } } },
        actionItems: { none: { owner: { path: { startsWith: as.leader.organisationPath! } } } },
      },
      orderBy: { id: 'asc' },
    });
    rec = { id: globalId('Recommendation', found.id), dbId: found.id };
    const board = await prisma.organisation.create({ data: { name: 'Youth Justice Board', kind: 'AGENCY' } });
    const path = `/${String(board.id).padStart(10, '0')}/`;
    await prisma.organisation.update({ where: { id: board.id }, data: { path } });
    outsiderName = 'Olu Bright';
    const user = await prisma.user.create({ data: { email: 'olu@example.org', name: outsiderName, passwordHash: 'x', role: 'LEADER', organisationId: board.id } });
    outsider = { userId: user.id, role: 'LEADER', organisationId: board.id, organisationPath: path, apiTokenId: null, access: 'READ_WRITE' };
  });

  it('is read and written by inspectors and the leaders concerned, and not by an organisation it does not concern, nor by viewers', async () => {
    const { addComment } = await gql(ADD, { input: { onId: rec.id, text: 'Please share the draft framework before the board.' } }, as.inspector);
    expect(addComment).toMatchObject({ text: 'Please share the draft framework before the board.', author: { name: 'Isla Price (inspector)' }, viewerCanDelete: true });

    // HMPPS leads it: its leader reads and answers.
    const seen = await gql(THREAD, { id: rec.id }, as.hmppsLeader);
    expect(seen.node).toMatchObject({ viewerCanReadDiscussion: true, viewerCanDiscuss: true });
    expect(seen.node.discussion.map((c: { text: string }) => c.text)).toEqual(['Please share the draft framework before the board.']);
    await gql(ADD, { input: { onId: rec.id, text: 'Attached to the next update.' } }, as.hmppsLeader);

    // Not concerned: the Youth Justice Board's leader, and Wales (under HMPPS, but not addressed and owning no action).
    for (const actor of [outsider, as.leader]) {
      const other = await gql(THREAD, { id: rec.id }, actor);
      expect(other.node).toEqual({ viewerCanReadDiscussion: false, viewerCanDiscuss: false, discussion: null });
      await refused('FORBIDDEN', ADD, { input: { onId: rec.id, text: 'May I?' } }, actor);
      expect((await gql(COMMENT, { id: addComment.id }, actor)).node).toBeNull();
      await gqlError('NOT_FOUND', PARTICIPANTS, { id: rec.id }, actor);
    }
    // A viewer reads the records, not the discussion.
    expect((await gql(THREAD, { id: rec.id }, as.viewer)).node.discussion).toBeNull();
    await refused('FORBIDDEN', ADD, { input: { onId: rec.id, text: 'Hello' } }, as.viewer);
    // A read-only token of a leader concerned reads it, and does not write.
    const readToken: Actor = { ...as.hmppsLeader, apiTokenId: null, access: 'READ' };
    expect((await gql(THREAD, { id: rec.id }, readToken)).node.discussion).toHaveLength(2);
    await refused('FORBIDDEN', ADD, { input: { onId: rec.id, text: 'From a script' } }, readToken);
  });

  it('brings in the leaders of an organisation once it owns one of the actions, on that action’s thread too', async () => {
    const { createActionItem: item } = await gql(
      `mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id description } }`,
      { input: { recommendationId: rec.id, description: 'Pilot the framework in Cardiff', ownerId: demo.org('Wales').id } },
      as.leader,
    );
    expect((await gql(THREAD, { id: rec.id }, as.leader)).node.viewerCanReadDiscussion).toBe(true);
    const { addComment } = await gql(ADD, { input: { onId: item.id, text: 'Cardiff is ready to start in March.' } }, as.leader);
    expect(addComment.actionItem.id).toBe(item.id);
    // The action's thread is its own, not the recommendation's.
    const thread = await gql(`query ($id: ID!) { node(id: $id) { ... on ActionItem { viewerCanDiscuss discussion { text } } } }`, { id: item.id }, as.hmppsLeader);
    expect(thread.node).toEqual({ viewerCanDiscuss: true, discussion: [{ text: 'Cardiff is ready to start in March.' }] });
    expect((await gql(THREAD, { id: rec.id }, as.inspector)).node.discussion.map((c: { text: string }) => c.text)).not.toContain('Cardiff is ready to start in March.');
    const event = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'COMMENT', subjectId: Number(Buffer.from(addComment.id, 'base64').toString().split(':')[1]) } });
    expect(event).toMatchObject({ kind: 'CREATED', recommendationId: rec.dbId, actorId: as.leader.userId });
    expect(wordHistoryEvent(event)).toBe('commented on the action “Pilot the framework in Cardiff”');
  });

  it('keeps a leader out of the plan, and so the discussion, of an organisation outside their line', async () => {
    // A recommendation of the London region: Wales is neither under it nor above it.
    const { addRecommendations: [london] } = await gql(
      `mutation ($input: AddRecommendationsInput!) { addRecommendations(input: $input) { id } }`,
      { input: { reportId: demo.report(2025).id, recommendations: [{ reference: 'L1', text: 'London should review its caseloads.', ownerId: demo.org('London').id, addresseeIds: [demo.org('London').id] }] } },
      as.inspector,
    );
    await gql(ADD, { input: { onId: london.id, text: 'Caseloads in Lambeth first.' } }, as.inspector);
    const PLAN = `query ($id: ID!) { node(id: $id) { ... on Recommendation { viewerCanManageActionPlan viewerCanReadDiscussion discussion { text } } } }`;
    expect((await gql(PLAN, { id: london.id }, as.leader)).node).toEqual({ viewerCanManageActionPlan: false, viewerCanReadDiscussion: false, discussion: null });
    // An action of their own on it would have been their way in.
    await refused('FORBIDDEN', `mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
      { input: { recommendationId: london.id, description: 'Share the Welsh caseload model', ownerId: demo.org('Wales').id } }, as.leader);
    expect((await gql(THREAD, { id: london.id }, as.leader)).node.discussion).toBeNull();
    await refused('FORBIDDEN', ADD, { input: { onId: london.id, text: 'May I?' } }, as.leader);
    // The leader of HMPPS, above London, may add to its plan; so may the Welsh leader to a plan of the service above Wales.
    expect((await gql(PLAN, { id: london.id }, as.hmppsLeader)).node).toMatchObject({ viewerCanManageActionPlan: true, viewerCanReadDiscussion: true });
    expect((await gql(PLAN, { id: rec.id }, as.leader)).node.viewerCanManageActionPlan).toBe(true);
  });

  it('resolves mentions only to people who may read the discussion, and tells the digest and the app', async () => {
    const participants = (await gql(PARTICIPANTS, { id: rec.id }, as.inspector)).discussionParticipants.map((p: { name: string }) => p.name);
    expect(participants).toEqual(expect.arrayContaining(['Harper Shah (leader, HMPPS)', 'Isla Price (inspector)', 'Alex Morgan (administrator)', 'Lee Evans (leader, Wales)']));
    expect(participants).not.toContain(outsiderName);
    expect(participants).not.toContain('Val Okafor (viewer)');
    expect((await gql(PARTICIPANTS, { id: rec.id, search: 'harper' }, as.inspector)).discussionParticipants).toEqual([{ name: 'Harper Shah (leader, HMPPS)', role: 'LEADER' }]);

    const text = '@Harper Shah (leader, HMPPS) can you confirm? cc @Olu Bright and @Val Okafor (viewer), @Nobody at all';
    const { addComment } = await gql(ADD, { input: { onId: rec.id, text } }, as.inspector);
    expect(addComment.mentions).toEqual([{ person: { name: 'Harper Shah (leader, HMPPS)' } }]);
    const commentId = Number(Buffer.from(addComment.id, 'base64').toString().split(':')[1]);
    expect(await prisma.mention.findMany({ where: { commentId }, select: { userId: true } })).toEqual([{ userId: as.hmppsLeader.userId }]);
    // History says a comment was made, never what it said.
    const event = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'COMMENT', subjectId: commentId } });
    expect([event.fromValue, event.toValue, event.comment]).toEqual([null, null, null]);
    expect(wordHistoryEvent(event)).toBe('commented');

    // The digest finds it with the comment, author, record and link, once.
    const pending = await pendingMentions(prisma, as.hmppsLeader);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      comment: { text },
      author: { name: 'Isla Price (inspector)' },
      record: { kind: 'RECOMMENDATION', recommendationId: rec.dbId },
    });
    // The digest's link opens the page that holds the thread: here, the recommendation's.
    const told = (await workOf(prisma, as.hmppsLeader)).filter((item) => item.section === 'MENTIONED');
    expect(told.map((item) => itemLink('', item))).toEqual([`/#/recommendations/${encodeURIComponent(rec.id)}/show`]);
    expect(await pendingMentions(prisma, outsider)).toEqual([]);
    await prisma.$transaction((tx) => markMentionsNotified(tx, pending.map((m) => m.id)));
    expect(await pendingMentions(prisma, as.hmppsLeader)).toEqual([]);

    // The app shows it as unread until the discussion is opened.
    expect(await gql(UNREAD, {}, as.hmppsLeader)).toMatchObject({ unreadMentionCount: 1, myMentions: [{ comment: { text } }] });
    expect((await gql(MARK_READ, { input: { recommendationId: rec.id } }, as.hmppsLeader)).markMentionsRead).toBe(1);
    expect(await gql(UNREAD, {}, as.hmppsLeader)).toEqual({ unreadMentionCount: 0, myMentions: [] });
  });

  it('lets only its author delete a comment: the text goes, its place and a history event stay', async () => {
    const { addComment } = await gql(ADD, { input: { onId: rec.id, text: 'Sensitive detail, @Harper Shah (leader, HMPPS)' } }, as.inspector);
    await refused('FORBIDDEN', DELETE, { input: { id: addComment.id } }, as.hmppsLeader);
    await refused('FORBIDDEN', DELETE, { input: { id: addComment.id } }, as.admin);
    await refused('NOT_FOUND', DELETE, { input: { id: addComment.id } }, outsider);

    const { deleteComment } = await gql(DELETE, { input: { id: addComment.id } }, as.inspector);
    expect(deleteComment).toMatchObject({ text: null, viewerCanDelete: false });
    expect(deleteComment.deletedAt).toBeTruthy();
    await refused('BAD_USER_INPUT', DELETE, { input: { id: addComment.id } }, as.inspector);

    const commentId = Number(Buffer.from(addComment.id, 'base64').toString().split(':')[1]);
    const events = await prisma.historyEvent.findMany({ where: { subject: 'COMMENT', subjectId: commentId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, wordHistoryEvent(e)])).toEqual([['CREATED', 'commented'], ['DELETED', 'removed a comment']]);
    // Nothing anywhere keeps the words: not the comment, its events, nor a pending mention.
    expect(await prisma.comment.count({ where: { text: { contains: 'Sensitive detail' } } })).toBe(0);
    expect(await prisma.historyEvent.count({ where: { OR: [{ toValue: { contains: 'Sensitive' } }, { fromValue: { contains: 'Sensitive' } }, { comment: { contains: 'Sensitive' } }] } })).toBe(0);
    expect(await pendingMentions(prisma, as.hmppsLeader)).toEqual([]);
  });

  it('refuses an empty comment and a comment on something that is not a recommendation or an action', async () => {
    await refused('BAD_USER_INPUT', ADD, { input: { onId: rec.id, text: '   ' } }, as.inspector);
    await refused('BAD_USER_INPUT', ADD, { input: { onId: demo.report(2023).id, text: 'Hello' } }, as.inspector);
    await refused('NOT_FOUND', ADD, { input: { onId: globalId('Recommendation', 999_999), text: 'Hello' } }, as.inspector);
  });
});

import type { PrismaClient, TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { badField, forbidden, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { recordHistory } from './history.ts';
import { recommendationInReportSelect } from './labels.ts';
import { can, organisationScope, type Target } from './permissions.ts';

/**
 * The discussion of a recommendation and of each of its action items: comments between inspectors and
 * the leaders of the organisations the recommendation concerns. Who reads and writes it is decided by
 * permissions.ts (`readDiscussion`, `discuss`) on the organisations concerned, named here.
 */

/** What a recommendation's row needs for the organisations it concerns. */
export const concernedSelect = {
  owner: { select: { path: true } },
  addressees: { select: { organisation: { select: { path: true } } } },
  actionItems: { select: { owner: { select: { path: true } } } },
} satisfies Prisma.RecommendationSelect;

type Concerned = Prisma.RecommendationGetPayload<{ select: typeof concernedSelect }>;

/** The organisations a recommendation concerns: its owner, its addressees and the owners of its actions. */
export function discussionTarget(rec: Concerned): Target {
  return {
    concernedPaths: [rec.owner.path, ...rec.addressees.map((addressee) => addressee.organisation.path), ...rec.actionItems.map((item) => item.owner.path)],
  };
}

/** The same rule as a filter on recommendations: those whose discussion the actor may read. */
export function discussedBy(actor: Pick<Actor, 'role' | 'organisationPath'> | null): Prisma.RecommendationWhereInput {
  const scope = organisationScope(actor && { ...actor, userId: 0, organisationId: null, apiTokenId: null, access: 'READ' }, 'readDiscussion');
  if (scope === 'everywhere') return {};
  if (scope === 'nowhere') return { id: -1 };
  const within = { path: { startsWith: scope.within } };
  return {
    OR: [{ owner: within }, { addressees: { some: { organisation: within } } }, { actionItems: { some: { owner: within } } }],
  };
}

/** Which discussion a comment joins: a recommendation's own, or one of its action items'. */
export type Thread = { recommendationId: number; actionItemId: number | null };

/** The thread of a recommendation or action item, with the organisations it concerns; not found if either is missing. */
async function readThread(tx: TransactionClient, on: { recommendationId: number } | { actionItemId: number }) {
  if ('actionItemId' in on) {
    const item = await tx.actionItem.findUnique({
      where: { id: on.actionItemId },
      select: { id: true, description: true, recommendation: { select: { id: true, ...concernedSelect } } },
    });
    if (!item) throw notFound('The action item');
    return { thread: { recommendationId: item.recommendation.id, actionItemId: item.id }, action: item.description, target: discussionTarget(item.recommendation) };
  }
  const rec = await tx.recommendation.findUnique({ where: { id: on.recommendationId }, select: { id: true, ...concernedSelect } });
  if (!rec) throw notFound('The recommendation');
  return { thread: { recommendationId: rec.id, actionItemId: null }, action: null, target: discussionTarget(rec) };
}

/** Every active person who may read a discussion concerning these organisations (candidates for a mention). */
export async function discussionReaders(
  db: TransactionClient | PrismaClient,
  target: Target,
  search?: string | null,
): Promise<{ id: number; name: string; role: string; organisation: string | null }[]> {
  // A leader reads it from an organisation concerned or one above it: the concerned paths' prefixes.
  const above = new Set((target.concernedPaths ?? []).flatMap((path) => path.split('/').slice(1, -1).map((_, i, ids) => `/${ids.slice(0, i + 1).join('/')}/`)));
  const users = await db.user.findMany({
    where: {
      active: true,
      OR: [{ role: { in: ['ADMINISTRATOR', 'INSPECTOR'] } }, { role: 'LEADER', organisation: { path: { in: [...above] } } }],
      name: search ? { contains: search, mode: 'insensitive' } : undefined,
    },
    select: { id: true, name: true, role: true, organisationId: true, organisation: { select: { path: true, name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  // The rule itself decides, so the candidates are exactly those it lets read.
  return users
    .filter((user) =>
      can({ userId: user.id, role: user.role, organisationId: user.organisationId, organisationPath: user.organisation?.path ?? null, apiTokenId: null, access: 'READ' }, 'readDiscussion', target),
    )
    .map((user) => ({ id: user.id, name: user.name, role: user.role, organisation: user.organisation?.name ?? null }));
}

/**
 * The people a text mentions: "@" followed by the name of someone who may read the discussion, the
 * longest name that fits when several start alike (every person of that name if two share it). Text
 * after an "@" that names no such person stays text and tells no one.
 */
export function findMentions(text: string, readers: { id: number; name: string }[]): number[] {
  const byLength = [...readers].sort((a, b) => b.name.length - a.name.length);
  const found = new Set<number>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const rest = text.slice(at + 1).toLocaleLowerCase('en-GB');
    const first = byLength.find((reader) => rest.startsWith(reader.name.toLocaleLowerCase('en-GB')) && !/^[\p{L}\p{N}]/u.test(rest.slice(reader.name.length)));
    if (!first) continue;
    for (const reader of byLength) if (reader.name.toLocaleLowerCase('en-GB') === first.name.toLocaleLowerCase('en-GB')) found.add(reader.id);
  }
  return [...found];
}

/** Adds a comment to a thread, with its mentions, and a history event on the recommendation. */
export async function addComment(
  tx: TransactionClient,
  actor: Actor,
  input: ({ recommendationId: number } | { actionItemId: number }) & { text: string },
): Promise<number> {
  const { thread, action, target } = await readThread(tx, input);
  authorize(actor, 'discuss', target);
  const mentioned = findMentions(input.text, await discussionReaders(tx, target)).filter((id) => id !== actor.userId);
  const comment = await tx.comment.create({
    data: {
      ...thread,
      authorId: actor.userId,
      text: input.text,
      mentions: { create: mentioned.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  // The event says that a comment was made, not what it said: its author may delete the text.
  await recordHistory(tx, actor, {
    kind: 'CREATED',
    subject: 'COMMENT',
    subjectId: comment.id,
    recommendationId: thread.recommendationId,
    toValue: action,
  });
  return comment.id;
}

/** Deletes the text of one's own comment (and so its mentions); its place in the thread and a history event stay. */
export async function deleteComment(tx: TransactionClient, actor: Actor, input: { id: number }): Promise<number> {
  const comment = await tx.comment.findUnique({ where: { id: input.id }, select: { id: true, authorId: true, deletedAt: true, recommendationId: true, recommendation: { select: concernedSelect } } });
  // Someone who may not read the discussion learns nothing of what is in it.
  if (!comment || !can(actor, 'readDiscussion', discussionTarget(comment.recommendation))) throw notFound('The comment');
  authorize(actor, 'discuss', discussionTarget(comment.recommendation));
  if (comment.authorId !== actor.userId) throw forbidden('Only its author may delete a comment.');
  if (comment.deletedAt) throw badField(['id'], 'the comment is already deleted');
  await tx.comment.update({ where: { id: input.id }, data: { text: null, deletedAt: new Date(), mentions: { deleteMany: {} } } });
  await recordHistory(tx, actor, { kind: 'DELETED', subject: 'COMMENT', subjectId: input.id, recommendationId: comment.recommendationId });
  return input.id;
}

/**
 * Marks the reader's mentions in a recommendation's discussion (its own thread and its actions') as
 * read. Their own reading state, not a change to the records: it leaves no history.
 */
export async function markMentionsRead(tx: TransactionClient, actor: Actor, input: { recommendationId: number }): Promise<number> {
  const { count } = await tx.mention.updateMany({
    where: { userId: actor.userId, readAt: null, comment: { recommendationId: input.recommendationId } },
    data: { readAt: new Date() },
  });
  return count;
}

/** Mentions of a person that their email digest has not told them of yet, oldest first. */
export type PendingMention = {
  id: number;
  comment: { id: number; text: string; createdAt: Date };
  author: { id: number; name: string };
  record: { kind: 'RECOMMENDATION' | 'ACTION_ITEM'; recommendationId: number; reference: string; reportTitle: string; reportPublishedOn: Date; actionItemId: number | null; actionItemDescription: string | null };
};

/**
 * For the digest: the mentions of this person not yet notified, in discussions they may still read
 * (someone moved to another organisation is not told of what they can no longer open), of comments
 * not deleted. The person is as read now: the digest run's active people, or the signed-in actor.
 */
export async function pendingMentions(db: PrismaClient | TransactionClient, person: Pick<Actor, 'userId' | 'role' | 'organisationPath'>): Promise<PendingMention[]> {
  const mentions = await db.mention.findMany({
    where: {
      userId: person.userId,
      notifiedAt: null,
      comment: { deletedAt: null, recommendation: discussedBy(person) },
    },
    select: {
      id: true,
      comment: {
        select: {
          id: true,
          text: true,
          createdAt: true,
          author: { select: { id: true, name: true } },
          recommendation: { select: recommendationInReportSelect },
          actionItem: { select: { id: true, description: true } },
        },
      },
    },
    orderBy: [{ comment: { createdAt: 'asc' } }, { id: 'asc' }],
  });
  return mentions.map(({ id, comment }) => ({
    id,
    comment: { id: comment.id, text: comment.text ?? '', createdAt: comment.createdAt },
    author: comment.author,
    record: {
      kind: comment.actionItem ? 'ACTION_ITEM' : 'RECOMMENDATION',
      recommendationId: comment.recommendation.id,
      reference: comment.recommendation.reference,
      reportTitle: comment.recommendation.report.title,
      reportPublishedOn: comment.recommendation.report.publishedOn,
      actionItemId: comment.actionItem?.id ?? null,
      actionItemDescription: comment.actionItem?.description ?? null,
    },
  }));
}

/** For the digest, in the transaction that records what it sent: these mentions have been told. */
export async function markMentionsNotified(tx: TransactionClient, mentionIds: number[]): Promise<void> {
  if (mentionIds.length === 0) return;
  await tx.mention.updateMany({ where: { id: { in: mentionIds }, notifiedAt: null }, data: { notifiedAt: new Date() } });
}

import { canWrite, can } from '../../domain/permissions.ts';
import { concernedSelect, discussedBy, discussionTarget } from '../../domain/discussion.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ActionItem } from '../action-items/type.ts';
import { Recommendation } from '../recommendations/type.ts';

export const Comment = builder.prismaNode('Comment', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  // Every path to a comment is a thread its reader may read (the `discussion` fields, your own mentions,
  // what you just wrote); `node` looks it up with the same rule, and finds nothing for anyone else.
  findUnique: (id, { actor }) => ({ id: Number(id), recommendation: discussedBy(actor) }),
  description: 'A comment in the discussion of a recommendation or of one of its action items.',
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true, description: 'What it says; null once its author deleted it.' }),
    author: t.relation('author', { description: 'Who wrote it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written.' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true, description: 'When its author deleted it, if they did.' }),
    recommendation: t.relation('recommendation', { description: 'The recommendation whose discussion it is in.' }),
    actionItem: t.relation('actionItem', { nullable: true, description: 'The action item whose thread it is in; null for the recommendation’s own.' }),
    mentions: t.relation('mentions', { description: 'The people it mentions, as resolved when it was written.', query: { orderBy: { id: 'asc' } } }),
    viewerCanDelete: t.boolean({
      description: 'Whether you may delete it: your own, not yet deleted.',
      select: { authorId: true, deletedAt: true },
      resolve: (comment, _args, { actor }) => canWrite(actor) && comment.authorId === actor.userId && !comment.deletedAt,
    }),
  }),
});

builder.prismaObject('Mention', {
  description: 'A person named in a comment with "@".',
  fields: (t) => ({
    person: t.relation('user', { description: 'Who is mentioned.' }),
    comment: t.relation('comment', { description: 'The comment that mentions them.' }),
    readAt: t.expose('readAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When they opened the discussion after it; null while unread. Only the person mentioned sees it (null to others).',
      authScopes: (mention, _args, { actor }) => mention.userId === actor?.userId,
      unauthorizedResolver: () => null,
    }),
  }),
});

/** The thread itself, for those who may read it; null for others (an empty thread would say there is nothing). */
const readable = <T>(rec: Parameters<typeof discussionTarget>[0] & { comments: T[] }, { actor }: Context) =>
  can(actor, 'readDiscussion', discussionTarget(rec)) ? rec.comments : null;
const threadQuery = { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }], take: 500 };
const threadDescription = 'Comments, oldest first (at most 500); null when you may not read its discussion (inspectors and leaders of the organisations concerned do).';

builder.prismaObjectFields(Recommendation, (t) => ({
  discussion: t.field({
    type: [Comment],
    nullable: true,
    description: `Its own discussion thread. ${threadDescription}`,
    select: (_args, _context, nestedSelection) => ({ ...concernedSelect, comments: nestedSelection({ where: { actionItemId: null }, ...threadQuery }) }),
    resolve: (rec, _args, context) => readable(rec, context),
  }),
  viewerCanReadDiscussion: t.boolean({
    description: 'Whether you may read its discussion and those of its actions.',
    select: concernedSelect,
    resolve: (rec, _args, { actor }) => can(actor, 'readDiscussion', discussionTarget(rec)),
  }),
  viewerCanDiscuss: t.boolean({
    description: 'Whether you may comment in its discussion and those of its actions.',
    select: concernedSelect,
    resolve: (rec, _args, { actor }) => can(actor, 'discuss', discussionTarget(rec)),
  }),
}));

builder.prismaObjectFields(ActionItem, (t) => ({
  discussion: t.field({
    type: [Comment],
    nullable: true,
    description: `Its discussion thread. ${threadDescription}`,
    select: (_args, _context, nestedSelection) => ({ recommendation: { select: concernedSelect }, comments: nestedSelection(threadQuery) }),
    resolve: (item, _args, context) => readable({ ...item.recommendation, comments: item.comments }, context),
  }),
  viewerCanDiscuss: t.boolean({
    description: 'Whether you may comment in its discussion.',
    select: { recommendation: { select: concernedSelect } },
    resolve: (item, _args, { actor }) => can(actor, 'discuss', discussionTarget(item.recommendation)),
  }),
}));

import { z } from 'zod';
import { inTransaction, prisma } from '../../db/client.ts';
import { markCommitted } from '../../db/operation-scope.ts';
import { requireActor } from '../../domain/actor.ts';
import { addComment, deleteComment, discussedBy, discussionReaders, discussionTarget, concernedSelect, markMentionsRead } from '../../domain/discussion.ts';
import { can, canAtAll } from '../../domain/permissions.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { globalIdOf, parseGlobalId } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, NAME_MAX, requiredText } from '../shared/validation.ts';
import { Role } from '../types/enums.ts';

/** A recommendation's or an action item's id: the thread a comment joins. */
const threadId = z.string().transform((value, context) => {
  const parsed = parseGlobalId(value);
  if (parsed?.type === 'Recommendation') return { recommendationId: parsed.id };
  if (parsed?.type === 'ActionItem') return { actionItemId: parsed.id };
  context.addIssue({ code: 'custom', message: 'must be the id of a Recommendation or ActionItem' });
  return z.NEVER;
});

const AddCommentInput = builder.inputType('AddCommentInput', {
  description: 'A new comment in a discussion.',
  fields: (t) => ({
    onId: t.id({ required: true, description: 'The recommendation or action item whose discussion it joins.' }).validate(threadId),
    text: t.string({
      required: true,
      description: 'What it says. "@" followed by the full name of someone who may read the discussion mentions them (see discussionParticipants).',
    }).validate(requiredText(COMMENT_MAX)),
  }),
});

const DeleteCommentInput = builder.inputType('DeleteCommentInput', {
  description: 'One of your own comments, to delete.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The comment.' }).validate(globalIdOf('Comment')),
  }),
});

const MarkMentionsReadInput = builder.inputType('MarkMentionsReadInput', {
  description: 'A recommendation whose discussion you have read.',
  fields: (t) => ({
    recommendationId: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
  }),
});

const DiscussionParticipant = builder.objectRef<{ id: number; name: string; role: string; organisation: string | null }>('DiscussionParticipant').implement({
  description: 'Someone who may read a discussion, and so be mentioned in it.',
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      description: 'The person.',
      resolve: (query, participant) => prisma.user.findUniqueOrThrow({ ...query, where: { id: participant.id } }),
    }),
    name: t.exposeString('name', { description: 'Their full name, as a mention writes it after "@".' }),
    role: t.field({ type: Role, description: 'Their role.', resolve: (participant) => participant.role as z.infer<typeof roleNames> }),
    organisationName: t.exposeString('organisation', { nullable: true, description: 'Their organisation’s name.' }),
  }),
});
const roleNames = z.enum(['ADMINISTRATOR', 'INSPECTOR', 'LEADER', 'VIEWER']);

const reload = (query: object, id: number) => prisma.comment.findUniqueOrThrow({ ...query, where: { id } });

builder.queryFields((t) => ({
  discussionParticipants: t.field({
    type: [DiscussionParticipant],
    authScopes: { may: 'readDiscussion' },
    description: 'The people who may read a recommendation’s discussion (and its actions’), by name: whom a comment may mention. At most 50.',
    args: {
      recommendationId: t.arg.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
      search: t.arg.string({ description: 'Text in their name.' }).validate(z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`).nullish()),
    },
    resolve: async (_root, args, { actor }) => {
      const rec = await prisma.recommendation.findUnique({ where: { id: args.recommendationId }, select: concernedSelect });
      if (!rec || !can(actor, 'readDiscussion', discussionTarget(rec))) throw notFound('The recommendation');
      return (await discussionReaders(prisma, discussionTarget(rec), args.search)).slice(0, 50);
    },
  }),
  myMentions: t.prismaField({
    type: ['Mention'],
    authScopes: { may: 'readRecords' },
    description: 'Comments that mention you, newest first (at most 50), in discussions you may still read.',
    args: { unreadOnly: t.arg.boolean({ defaultValue: true, description: 'Only those you have not read.' }) },
    resolve: (query, _root, args, { actor }) =>
      prisma.mention.findMany({
        ...query,
        where: { userId: actor!.userId, readAt: args.unreadOnly ? null : undefined, comment: { deletedAt: null, recommendation: discussedBy(actor) } },
        orderBy: [{ id: 'desc' }],
        take: 50,
      }),
  }),
  unreadMentionCount: t.int({
    authScopes: { may: 'readRecords' },
    description: 'How many comments mention you that you have not read (0 for those with no discussions).',
    resolve: (_root, _args, { actor }) =>
      canAtAll(actor, 'readDiscussion')
        ? prisma.mention.count({ where: { userId: actor!.userId, readAt: null, comment: { deletedAt: null, recommendation: discussedBy(actor) } } })
        : 0,
  }),
}));

builder.mutationFields((t) => ({
  addComment: t.prismaField({
    authScopes: { may: 'discuss' },
    type: 'Comment',
    description: 'Adds a comment to the discussion of a recommendation or an action item, mentioning the people named after "@".',
    args: { input: t.arg({ type: AddCommentInput, required: true, description: 'The comment.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => addComment(tx, actor, { ...input.onId, text: input.text }))),
  }),
  deleteComment: t.prismaField({
    authScopes: { may: 'discuss' },
    type: 'Comment',
    description: 'Deletes the text of one of your own comments; a history event says it was deleted.',
    args: { input: t.arg({ type: DeleteCommentInput, required: true, description: 'Which.' }) },
    resolve: async (query, _root, { input }, context) => reload(query, await write(context, (tx, actor) => deleteComment(tx, actor, input))),
  }),
  markMentionsRead: t.int({
    authScopes: { may: 'readDiscussion' },
    description: 'Marks your mentions in a recommendation’s discussion as read; answers how many were unread. Your own reading state: no history.',
    args: { input: t.arg({ type: MarkMentionsReadInput, required: true, description: 'Which discussion.' }) },
    resolve: async (_root, { input }, { actor }) => {
      // Nothing counted or kept in memory is built from reading marks: the caches stay (db/change-feed.ts).
      const count = await inTransaction((tx) => markMentionsRead(tx, requireActor(actor), input), { changesRecords: false });
      markCommitted();
      return count;
    },
  }),
}));

import { Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { roleLabels } from '../common/choices';
import { readableMoment } from '../common/dates';
import { Section } from '../common/Section';
import { useWriteErrors } from '../common/useWriteErrors';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { MentionBox } from './MentionBox';
import {
  actionItemDiscussionQuery, addCommentMutation, deleteCommentMutation, markMentionsReadMutation, recommendationDiscussionQuery, type DiscussionComment,
} from './queries';
import { UNREAD_MENTIONS_KEY } from './MentionsButton';

type Thread = { recommendationId: string; canDiscuss: boolean; comments: DiscussionComment[] | null };

/** A comment's text with each mention of a person shown as such. */
function CommentText({ comment }: { comment: DiscussionComment }) {
  if (comment.text === null) return <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>Deleted by its author.</Typography>;
  const names = comment.mentions.map(({ person }) => `@${person.name}`).sort((a, b) => b.length - a.length);
  const parts = names.length ? comment.text.split(new RegExp(`(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)) : [comment.text];
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => (names.includes(part) ? <Box key={index} component="strong" sx={{ color: 'primary.main' }}>{part}</Box> : part))}
    </Typography>
  );
}

/**
 * The discussion of a recommendation or an action item: comments oldest first, each with its author
 * and when, and a box to write with @-mentions. Shown to those who may read it (inspectors and the
 * leaders of the organisations concerned); opening a recommendation's discussion marks your mentions
 * there as read.
 */
export function DiscussionSection({ on }: { on: 'Recommendation' | 'ActionItem' }) {
  const record = useRecordContext();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const onError = useWriteErrors();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<DiscussionComment | null>(null);
  const key = ['discussion', on, record?.id];
  const { data: thread } = useQuery({
    queryKey: key,
    enabled: Boolean(record?.id),
    queryFn: async (): Promise<Thread> => {
      if (on === 'Recommendation') {
        const { node } = await dataProvider.query<{ node: { id: string; viewerCanDiscuss: boolean; discussion: DiscussionComment[] | null } }>(recommendationDiscussionQuery, { id: record!.id });
        return { recommendationId: node.id, canDiscuss: node.viewerCanDiscuss, comments: node.discussion };
      }
      const { node } = await dataProvider.query<{ node: { recommendation: { id: string }; viewerCanDiscuss: boolean; discussion: DiscussionComment[] | null } }>(actionItemDiscussionQuery, { id: record!.id });
      return { recommendationId: node.recommendation.id, canDiscuss: node.viewerCanDiscuss, comments: node.discussion };
    },
  });
  const readable = Boolean(thread?.comments);
  const recommendationId = thread?.recommendationId;
  useEffect(() => {
    // Only when the app bar counts unread mentions: most pages are opened with none to mark.
    const unread = queryClient.getQueryData<{ unreadMentionCount: number }>(UNREAD_MENTIONS_KEY)?.unreadMentionCount ?? 0;
    if (!readable || !recommendationId || unread === 0) return;
    dataProvider
      .query<{ markMentionsRead: number }>(markMentionsReadMutation, { input: { recommendationId } })
      .then(({ markMentionsRead }) => (markMentionsRead > 0 ? queryClient.invalidateQueries({ queryKey: UNREAD_MENTIONS_KEY }) : undefined))
      .catch(() => {});
  }, [readable, recommendationId, dataProvider, queryClient]);

  if (!thread?.comments || !recommendationId) return null;
  const comments = thread.comments;
  const send = async () => {
    setSaving(true);
    try {
      await dataProvider.query(addCommentMutation, { input: { onId: record!.id, text } });
      setText('');
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['history'] });
    } catch (error) {
      onError(error as Error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (comment: DiscussionComment) => {
    setDeleting(null);
    try {
      await dataProvider.query(deleteCommentMutation, { input: { id: comment.id } });
      notify('Comment deleted', { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      onError(error as Error);
    }
  };

  return (
    <Section title={`Discussion (${comments.filter((c) => c.text !== null).length})`}>
      {comments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No comments yet.</Typography>
      ) : (
        <List dense aria-label="Comments, oldest first" sx={{ py: 0 }}>
          {comments.map((comment) => (
            <ListItem key={comment.id} divider sx={{ display: 'block', px: 0 }} aria-label={`Comment by ${comment.author.name}`}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap', justifyContent: 'space-between' }}>
                <Typography variant="subtitle2" component="div">
                  {comment.author.name}
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' · '}{[roleLabels[comment.author.role] ?? comment.author.role, comment.author.organisation?.name].filter(Boolean).join(', ')}
                    {' · '}<time dateTime={comment.createdAt}>{readableMoment(comment.createdAt)}</time>
                  </Typography>
                </Typography>
                {comment.viewerCanDelete && <Button size="small" color="error" onClick={() => setDeleting(comment)}>Delete</Button>}
              </Stack>
              <CommentText comment={comment} />
            </ListItem>
          ))}
        </List>
      )}
      {thread.canDiscuss && (
        <Box sx={{ mt: 2 }}>
          <MentionBox recommendationId={recommendationId} value={text} onChange={setText} disabled={saving} />
          <Button variant="contained" sx={{ mt: 1 }} disabled={saving || text.trim() === ''} onClick={send}>Post comment</Button>
        </Box>
      )}
      <Confirm
        isOpen={deleting !== null}
        title="Delete your comment?"
        content="Its text is removed for everyone; the discussion keeps a note that a comment was deleted."
        confirm="Delete"
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Section>
  );
}

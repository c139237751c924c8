import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import { Badge, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { Link } from 'react-router-dom';
import { readableMoment } from '../common/dates';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { unreadMentionsQuery, type MentionNotice } from './queries';
import { useActionItemPath } from '../actionItems/useActionItemPath';

export const UNREAD_MENTIONS_KEY = ['unreadMentions'];

/** In the app bar: how many comments mention you unread, and a menu of them leading to each discussion. */
export function MentionsButton() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { pathOf } = useActionItemPath();
  const { data } = useQuery({
    queryKey: UNREAD_MENTIONS_KEY,
    queryFn: () => dataProvider.query<{ unreadMentionCount: number; myMentions: MentionNotice[] }>(unreadMentionsQuery),
    refetchInterval: 60_000,
  });
  const count = data?.unreadMentionCount ?? 0;
  const label = count === 0 ? 'No unread mentions' : `${count} unread mention${count === 1 ? '' : 's'}`;
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} onClick={(event) => setAnchor(event.currentTarget)}>
          {/* No badge at all for none: a hidden badge keeps its last number in the page, unseen but read out. */}
          {count > 0 ? <Badge badgeContent={count} color="error" max={99}><AlternateEmailIcon /></Badge> : <AlternateEmailIcon />}
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxWidth: 420 } } }}>
        {count === 0 && <MenuItem disabled>No one has mentioned you in a discussion you have not read.</MenuItem>}
        {(data?.myMentions ?? []).map(({ comment }) => (
          <MenuItem key={comment.id} component={Link} to={comment.actionItem ? pathOf(comment.actionItem.id) : `/recommendations/${encodeURIComponent(comment.recommendation.id)}/show`} onClick={() => setAnchor(null)}>
            <ListItemText
              primary={`${comment.author.name} on ${comment.recommendation.reference}${comment.actionItem ? ' (an action)' : ''}`}
              secondary={`${readableMoment(comment.createdAt)} · ${(comment.text ?? '').slice(0, 120)}`}
              slotProps={{ secondary: { sx: { whiteSpace: 'normal' } } }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { readableDay } from '../common/dates';
import { listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { recommendationName, shortNameOf } from '../common/naming';

/** Recommendations made before and never met, first made longest ago first. */
export function RepeatedUnmet({ rows, total, scope }: { rows: DashboardData['repeatedUnmet']; total: number; scope: string | undefined }) {
  return (
    <Panel title={`Repeated and unmet (${total})`} to={listLink('recommendations', { repeatedUnmet: true, ...within(scope) })} linkText={`All ${total} repeated and unmet`}>
      {rows.length === 0 ? <Typography variant="body2">None.</Typography> : (
        <List dense disablePadding>
          {rows.map((row) => (
            <ListItemButton key={row.id} component={Link} to={`/recommendations/${encodeURIComponent(row.id)}/show`} divider>
              <ListItemText
                primary={`${recommendationName(row)} · ${shortNameOf(row.owner)} — made ${row.repeatCount + 1} times, first on ${readableDay(row.firstMadeOn) || '?'}${row.yearsOpen != null ? ` (${row.yearsOpen} years open)` : ''}`}
                secondary={row.text}
                secondaryTypographyProps={{ sx: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } }}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Panel>
  );
}

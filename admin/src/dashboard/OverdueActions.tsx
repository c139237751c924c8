import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { readableDay } from '../common/dates';
import { listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { recommendationInReport, shortNameOf } from '../common/naming';

const daysLate = (due: string | null) => (due ? Math.floor((Date.now() - Date.parse(due)) / 86_400_000) : 0);

/** Action items past due, longest overdue first. */
export function OverdueActions({ rows, total, scope }: { rows: DashboardData['overdueActionItems']; total: number; scope: string | undefined }) {
  return (
    <Panel title={`Overdue action items (${total})`} to={listLink('actionItems', { overdue: true, ...within(scope) })} linkText={`All ${total} overdue action items`}>
      {rows.length === 0 ? <Typography variant="body2">None.</Typography> : (
        <List dense disablePadding>
          {rows.map((row) => (
            <ListItemButton key={row.id} component={Link} to={`/recommendations/${encodeURIComponent(row.recommendation.id)}/show`} divider>
              <ListItemText
                primary={row.description}
                secondary={`${shortNameOf(row.owner)} · due ${readableDay(row.dueDate) || '?'} (${daysLate(row.dueDate)} days late) · ${recommendationInReport(row.recommendation)}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Panel>
  );
}

import { Box, Chip, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { actionStatusLabels, label } from '../common/choices';
import { readableDay } from '../common/dates';
import { actionItemFigures } from './figures';
import { KeyFigures } from './KeyFigures';
import { listLink } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { recommendationInReport, shortNameOf } from '../common/naming';

/**
 * An organisation's own work: the action items it owns (whoever owns the recommendations they
 * serve), soonest due first, what is overdue, and the evidence it has still to submit.
 */
export function OrganisationWork({ data, scope, name }: { data: DashboardData; scope: string; name: string }) {
  const rows = data.openActionItems;
  return (
    <Panel
      title={`${name}: our work`}
      to={listLink('actionItems', { ownerId: scope, open: true }, { field: 'dueDate', order: 'ASC' })}
      linkText={`All ${data.openActionItemCount} action items to do`}
    >
      <KeyFigures figures={actionItemFigures(data, scope)} label={`${name}: action items`} />
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>Due next</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{data.actionItemCount === 0 ? `${name} and those under it own no action items.` : 'Nothing to do: every action item is completed or cancelled.'}</Typography>
      ) : (
        <List dense disablePadding>
          {rows.map((row) => (
            <ListItemButton key={row.id} component={Link} to={`/recommendations/${encodeURIComponent(row.recommendation.id)}/show`} divider>
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                    <Box component="span" sx={{ fontWeight: 600, minWidth: '7.5em', color: row.isOverdue ? 'error.main' : 'text.primary' }}>
                      {row.dueDate ? readableDay(row.dueDate) : 'No due date'}
                    </Box>
                    {row.isOverdue && <Chip size="small" color="error" label="Overdue" />}
                    <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>{row.description}</Box>
                  </Box>
                }
                secondary={`${shortNameOf(row.owner)} · ${label(actionStatusLabels, row.status)} · ${row.evidenceCount === 0 ? 'no evidence yet' : `${row.evidenceCount} evidence`} · ${recommendationInReport(row.recommendation)}`}
                secondaryTypographyProps={{ sx: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Panel>
  );
}

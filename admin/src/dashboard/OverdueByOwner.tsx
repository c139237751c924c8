import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ownerOverdueFigures } from './figures';
import { listLink, within } from './links';
import { Panel } from './Panel';
import type { DashboardData } from './query';
import { shortNameOf } from '../common/naming';

/** Which organisations have the most overdue: a ranking, each count a link to the list it counts. */
export function OverdueByOwner({ rows, total, scope, resource }: { rows: DashboardData['overdueByOwner']; total: number; scope: string | undefined; resource: 'recommendations' | 'actionItems' }) {
  const most = Math.max(1, ...rows.map((row) => row.overdue));
  const all = listLink(resource, { ...within(scope), overdue: true }, { field: 'owner.name', order: 'ASC' });
  return (
    <Panel title="Most overdue, by owner" to={all} linkText={resource === 'recommendations' ? 'All overdue recommendations' : 'All overdue action items'}>
      {rows.length === 0 ? <Typography variant="body2">Nothing is overdue.</Typography> : (
        <Table size="small" aria-label="Organisations by overdue recommendations and action items, most first">
          <TableHead>
            <TableRow>
              <TableCell>Owner</TableCell>
              <TableCell align="right">Recommendations</TableCell>
              <TableCell align="right">Action items</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const [recommendations, actionItems] = ownerOverdueFigures(row);
              return (
                <TableRow key={row.owner.id}>
                  <TableCell sx={{ width: '55%' }}>
                    <Typography variant="body2" title={row.owner.name} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: { xs: 160, sm: 320 } }}>
                      {shortNameOf(row.owner)}
                    </Typography>
                    {/* The bar shows the share of the most overdue owner's total; the numbers are beside it. */}
                    <Box aria-hidden sx={{ mt: 0.5, height: 6, borderRadius: 1, bgcolor: 'error.main', width: `${(row.overdue / most) * 100}%` }} />
                  </TableCell>
                  {[recommendations!, actionItems!].map((figure) => (
                    <TableCell key={figure.resource} align="right">
                      {figure.value > 0 ? (
                        <MuiLink component={Link} to={listLink(figure.resource, figure.filter, figure.sort)} aria-label={`${figure.value} ${figure.label}`}>{figure.value}</MuiLink>
                      ) : '0'}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
          {total > rows.length && (
            <caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
              The {rows.length} with the most, of {total} organisations with overdue work.
            </caption>
          )}
        </Table>
      )}
    </Panel>
  );
}

import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { listLink } from './links';
import type { DashboardData } from './query';

/** The counts that matter most, each a link to the list it counts. */
export function KeyFigures({ data, scope }: { data: DashboardData; scope: string | undefined }) {
  const owner = scope ? { ownerId: scope } : {};
  const figures = [
    { label: 'Recommendations', value: data.recommendationCount, to: listLink('recommendations', owner) },
    { label: 'Overdue recommendations', value: data.overdueRecommendationCount, to: listLink('recommendations', { ...owner, overdue: true }), alert: true },
    { label: 'Repeated and unmet', value: data.repeatedUnmetCount, to: listLink('recommendations', { ...owner, repeatedUnmet: true }), alert: true },
    { label: 'Overdue action items', value: data.overdueActionItemCount, to: listLink('actionItems', { ...owner, overdue: true }), alert: true },
    { label: 'Untouched for 90 days', value: data.staleCount, to: listLink('recommendations', { ...owner, statuses: ['NOT_STARTED', 'IN_PROGRESS'] }, { field: 'updatedAt', order: 'ASC' }) },
  ];
  return (
    <Box component="ul" aria-label="Key figures" sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(5, 1fr)' }, listStyle: 'none', p: 0, m: 0 }}>
      {figures.map((figure) => (
        <li key={figure.label}>
          <Card sx={{ height: '100%' }}>
            <CardActionArea component={Link} to={figure.to} sx={{ height: '100%' }}>
              <CardContent>
                <Typography variant="h4" component="p" color={figure.alert && figure.value > 0 ? 'error' : 'text.primary'}>{figure.value}</Typography>
                <Typography variant="body2">{figure.label}</Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </li>
      ))}
    </Box>
  );
}

import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import type { Figure } from './figures';
import { listLink } from './links';

/** The counts that matter most, each a link to the list it counts. */
export function KeyFigures({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <Box
      component="ul"
      aria-label={label}
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(3, 1fr)', lg: `repeat(${figures.length}, 1fr)` }, listStyle: 'none', p: 0, m: 0 }}
    >
      {figures.map((figure) => (
        <li key={figure.label}>
          <Card sx={{ height: '100%' }}>
            <CardActionArea component={Link} to={listLink(figure.resource, figure.filter, figure.sort)} sx={{ height: '100%' }}>
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

import { Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A titled dashboard card with a link to the full list behind it. */
export function Panel({ title, to, linkText, children }: { title: string; to: string; linkText: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography id={headingId} variant="h6" component="h2" gutterBottom>{title}</Typography>
        {children}
        <MuiLink component={Link} to={to} sx={{ display: 'inline-block', mt: 1 }}>{linkText}</MuiLink>
      </CardContent>
    </Card>
  );
}

import { Box, Typography } from '@mui/material';
import { ReferenceManyField, useListContext, Pagination } from 'react-admin';
import { readableMoment } from './dates';
import { Section } from './Section';

type Event = { id: string; summary: string; comment?: string | null; confirmedWarning?: string | null; createdAt: string; viaApiToken: boolean; actor: { name: string } };

/** The events as the API words them (HistoryEvent.summary), one line an act, with the reason given. */
function Timeline() {
  const { data, isPending } = useListContext<Event>();
  if (isPending) return <Typography variant="body2">Loading history…</Typography>;
  if (!data?.length) return <Typography variant="body2">No changes recorded.</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, borderLeft: 2, borderColor: 'divider' }}>
      {data.map((event) => (
        <Box component="li" key={event.id} sx={{ pl: 2, pb: 1.5, position: 'relative', overflowWrap: 'anywhere' }}>
          <Typography variant="caption" color="text.secondary">
            <time dateTime={event.createdAt}>{readableMoment(event.createdAt)}</time>{event.viaApiToken ? ' · via API token' : ''}
          </Typography>
          <Typography variant="body2">
            <strong>{event.actor.name}</strong> {event.summary}
          </Typography>
          {event.comment && <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', whiteSpace: 'pre-line' }}>“{event.comment}”</Typography>}
          {event.confirmedWarning && <Typography variant="body2" color="warning.dark">Saved despite the warning: {event.confirmedWarning}</Typography>}
        </Box>
      ))}
    </Box>
  );
}

/**
 * The record's history, newest first, by the history filter that names it: a recommendation's
 * timeline (its plan's changes included), or the changes to an organisation or a user's account.
 */
export function HistorySection({ target }: { target: 'recommendationId' | 'organisationId' | 'userId' }) {
  return (
    <Section title="History">
      <ReferenceManyField reference="history" target={target} perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
        <Timeline />
      </ReferenceManyField>
    </Section>
  );
}

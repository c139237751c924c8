import { Box, Typography } from '@mui/material';
import { ReferenceManyField, useListContext, Pagination } from 'react-admin';
import { readableMoment, rewordIsoDays } from '../common/dates';
import { Section } from '../common/Section';

type Event = { id: string; kind: string; subject: string; field?: string | null; fromValue?: string | null; toValue?: string | null; comment?: string | null; createdAt: string; viaApiToken: boolean; actor: { name: string } };

const kindLabels: Record<string, string> = {
  CREATED: 'created', UPDATED: 'changed', STATUS_CHANGED: 'changed the status', TARGET_DATE_CHANGED: 'moved the target date',
  DUE_DATE_CHANGED: 'moved a due date', OWNER_CHANGED: 'changed the owner', RESPONSE_CHANGED: 'recorded a response', COMPLETED: 'completed an action',
  DELETED: 'removed', EVIDENCE_SUBMITTED: 'submitted evidence', EVIDENCE_VERIFIED: 'verified evidence', ASSESSMENT_RECORDED: 'recorded an assessment',
  REPEAT_LINKED: 'linked it as a repeat', REPEAT_CONFIRMED: 'confirmed the repeat link', REPEAT_UNLINKED: 'removed the repeat link',
};
const subjectLabels: Record<string, string> = { ACTION_ITEM: 'action', EVIDENCE: 'evidence', ASSESSMENT: 'assessment', RECOMMENDATION: 'recommendation', REPORT: 'report' };

function Timeline() {
  const { data, isPending } = useListContext<Event>();
  if (isPending) return <Typography variant="body2">Loading history…</Typography>;
  if (!data?.length) return <Typography variant="body2">No changes recorded.</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, borderLeft: 2, borderColor: 'divider' }}>
      {data.map((event) => (
        <Box component="li" key={event.id} sx={{ pl: 2, pb: 1.5, position: 'relative' }}>
          <Typography variant="caption" color="text.secondary">
            <time dateTime={event.createdAt}>{readableMoment(event.createdAt)}</time>{event.viaApiToken ? ' · via API token' : ''}
          </Typography>
          <Typography variant="body2">
            <strong>{event.actor.name}</strong> {kindLabels[event.kind] ?? event.kind.toLowerCase()}
            {event.subject !== 'RECOMMENDATION' ? ` (${subjectLabels[event.subject] ?? event.subject.toLowerCase()})` : ''}
            {event.field ? ` ${event.field}` : ''}
            {event.fromValue || event.toValue ? `: ${rewordIsoDays(event.fromValue ?? '—')} → ${rewordIsoDays(event.toValue ?? '—')}` : ''}
          </Typography>
          {event.comment && <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>“{event.comment}”</Typography>}
        </Box>
      ))}
    </Box>
  );
}

/** Every change to the recommendation and its plan, newest first. */
export function HistorySection() {
  return (
    <Section title="History">
      <ReferenceManyField reference="history" target="recommendationId" perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
        <Timeline />
      </ReferenceManyField>
    </Section>
  );
}

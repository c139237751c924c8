import LinkIcon from '@mui/icons-material/Link';
import { Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { Section } from '../common/Section';
import { useWriteErrors } from '../common/useWriteErrors';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { repeatCandidatesQuery, type Candidate } from './queries';

/** For inspectors: earlier recommendations with similar text, each one click from being linked as the one this repeats. */
export function RepeatCandidatesSection() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ action: 'linkRepeat', resource: 'recommendations', record });
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  const enabled = Boolean(record && canAccess && !record.repeats);
  const { data, isPending: loading } = useQuery({
    queryKey: ['repeatCandidates', record?.id],
    queryFn: () => dataProvider.query<{ repeatCandidates: Candidate[] }>(repeatCandidatesQuery, { id: record!.id }),
    enabled,
  });
  if (!enabled || !record) return null;
  const link = (candidate: Candidate) =>
    update('recommendations', { id: record.id, data: { repeatsId: candidate.recommendation.id, confirmed: true }, previousData: record, meta: { operation: 'linkRepeat' } }, {
      mutationMode: 'pessimistic',
      onSuccess: () => { notify(`Linked as a repeat of ${candidate.recommendation.reference}`, { type: 'success' }); refresh(); },
      onError,
    });
  const candidates = data?.repeatCandidates ?? [];
  return (
    <Section title="Possible repeats of earlier recommendations">
      {loading ? <Typography variant="body2">Looking for similar recommendations…</Typography> : candidates.length === 0 ? (
        <Typography variant="body2">No earlier recommendation has similar text.</Typography>
      ) : (
        <List dense aria-label="Earlier recommendations with similar text">
          {candidates.map((candidate) => (
            <ListItem key={candidate.recommendation.id} divider secondaryAction={
              <Button startIcon={<LinkIcon />} size="small" variant="contained" disabled={isPending} onClick={() => link(candidate)}
                aria-label={`Link as repeat of ${candidate.recommendation.reference} (${candidate.recommendation.report.title})`}>
                Link as repeat
              </Button>
            } sx={{ pr: 22 }}>
              <ListItemText
                primary={<><Link to={`/recommendations/${encodeURIComponent(candidate.recommendation.id)}/show`}>{candidate.recommendation.reference} · {candidate.recommendation.report.title}</Link> ({candidate.recommendation.report.publishedOn.slice(0, 4)}) — {Math.round(candidate.score * 100)}% alike</>}
                secondary={candidate.recommendation.text}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}

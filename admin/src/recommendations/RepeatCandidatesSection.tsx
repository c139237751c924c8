import BlockIcon from '@mui/icons-material/Block';
import LinkIcon from '@mui/icons-material/Link';
import { Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { recommendationStatusLabels, verdictLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EnumChip, statusColours, verdictColours } from '../common/EnumChip';
import { Section } from '../common/Section';
import { useOneAtATime } from '../common/useOneAtATime';
import { useWriteErrors } from '../common/useWriteErrors';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { repeatCandidatesQuery, type Candidate } from './queries';
import { recommendationInReport } from '../common/naming';

/**
 * For inspectors: the earlier recommendations this one probably repeats (server/domain/repeat-ranking.ts),
 * each with its report, date, status and latest verdict and why it is proposed; one click links it, another
 * says it is not a repeat (remembered: it is not proposed again).
 */
export function RepeatCandidatesSection() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ action: 'linkRepeat', resource: 'recommendations', record });
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [update, { isPending }] = useUpdate();
  // One decision at a time: a second click on either button before the first is answered does nothing.
  const oneAtATime = useOneAtATime();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  const enabled = Boolean(record && canAccess && !record.repeats);
  const { data, isPending: loading, refetch } = useQuery({
    queryKey: ['repeatCandidates', record?.id, record?.version],
    queryFn: () => dataProvider.query<{ repeatCandidates: Candidate[] }>(repeatCandidatesQuery, { id: record!.id }),
    enabled,
  });
  if (!enabled || !record) return null;
  const candidates = data?.repeatCandidates ?? [];
  // Where the ranking placed it and its score go with the decision, to measure the ranking on real work.
  const decided = (candidate: Candidate) => ({ rank: candidates.indexOf(candidate) + 1, score: candidate.score });
  const link = (candidate: Candidate) => oneAtATime(() =>
    update('recommendations', {
      id: record.id,
      data: { repeatsId: candidate.recommendation.id, confirmed: true, ...decided(candidate) },
      previousData: record,
      meta: { operation: 'linkRepeat' },
    }, {
      mutationMode: 'pessimistic',
      returnPromise: true,
      onSuccess: () => { notify(`Linked as a repeat of ${candidate.recommendation.reference}`, { type: 'success' }); refresh(); },
      onError,
    }).catch(() => undefined));
  const reject = (candidate: Candidate) => oneAtATime(() =>
    update('recommendations', {
      id: record.id,
      data: { candidateId: candidate.recommendation.id, ...decided(candidate) },
      previousData: record,
      meta: { operation: 'rejectRepeatCandidate' },
    }, {
      mutationMode: 'pessimistic',
      returnPromise: true,
      onSuccess: () => { notify(`${candidate.recommendation.reference} will not be proposed again`, { type: 'info' }); void refetch(); },
      onError,
    }).catch(() => undefined));
  return (
    <Section title="Possible repeats of earlier recommendations">
      {loading ? <Typography variant="body2">Looking for earlier recommendations it may repeat…</Typography> : candidates.length === 0 ? (
        <Typography variant="body2">No earlier recommendation looks like one this repeats.</Typography>
      ) : (
        <List dense aria-label="Earlier recommendations it may repeat">
          {candidates.map((candidate) => {
            const earlier = candidate.recommendation;
            const name = `${earlier.reference} (${earlier.report.title})`;
            return (
              <ListItem key={earlier.id} divider sx={{ display: 'block', px: 0 }}>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
                  <Box sx={{ minWidth: 0 }}>
                    <Typography variant="subtitle2" component="div">
                      <Link to={`/recommendations/${encodeURIComponent(earlier.id)}/show`}>{recommendationInReport(earlier)}</Link>
                    </Typography>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', my: 0.5 }} useFlexGap>
                      <Typography variant="body2" color="text.secondary">{readableDay(earlier.report.publishedOn)}</Typography>
                      <RecordContextProvider value={earlier}>
                        <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} />
                        <EnumChip source="latestVerdict" labels={verdictLabels} colours={verdictColours} />
                      </RecordContextProvider>
                      {earlier.latestVerdict === null && <Typography variant="body2" color="text.secondary">not yet assessed</Typography>}
                      <Typography variant="body2" color="text.secondary">{Math.round(candidate.score * 100)}% likely</Typography>
                    </Stack>
                    <Typography variant="body2">{earlier.text}</Typography>
                    <Typography variant="caption" color="text.secondary" component="div">Why: {candidate.reasons.join('; ')}</Typography>
                  </Box>
                  <Stack direction={{ xs: 'row', md: 'column' }} spacing={1} sx={{ flexShrink: 0 }}>
                    <Button startIcon={<LinkIcon />} size="small" variant="contained" disabled={isPending} onClick={() => link(candidate)} aria-label={`Link as repeat of ${name}`}>
                      Link as repeat
                    </Button>
                    <Button startIcon={<BlockIcon />} size="small" color="inherit" disabled={isPending} onClick={() => reject(candidate)} aria-label={`Not a repeat of ${name}`}>
                      Not a repeat
                    </Button>
                  </Stack>
                </Stack>
              </ListItem>
            );
          })}
        </List>
      )}
    </Section>
  );
}

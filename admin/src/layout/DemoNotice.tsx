import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { DEMO_MARKER, demoDataQuery } from './demoData';

/** Says plainly when the illustrative demo data is loaded: its reports carry the marker in their summaries. */
export function DemoNotice() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { data } = useQuery({
    queryKey: ['demoData'],
    queryFn: () => dataProvider.query<{ reports: { totalCount: number } }>(demoDataQuery, { search: DEMO_MARKER }),
    staleTime: Infinity,
  });
  if (!data?.reports.totalCount) return null;
  return (
    <Alert severity="info" variant="filled" role="status" sx={{ borderRadius: 0, py: 0 }} data-testid="demo-notice">
      {DEMO_MARKER}: the reports are real publications, but the wording of recommendations, actions, evidence and verdicts is illustrative.
    </Alert>
  );
}

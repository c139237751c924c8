import { Alert, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useGetIdentity } from 'react-admin';
import type { Identity } from '../providers/authProvider';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { KeyFigures } from './KeyFigures';
import { OverdueActions } from './OverdueActions';
import { ProgressByReportChart } from './ProgressByReportChart';
import { dashboardQuery, type DashboardData } from './query';
import { RepeatedUnmet } from './RepeatedUnmet';
import { ReportedVsVerifiedChart } from './ReportedVsVerifiedChart';
import { StatusByOwnerChart } from './StatusByOwnerChart';

/** What is open, overdue, repeated and unmet, and how far reports have got: each part links to the list behind it. */
export default function Dashboard() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { data: identity } = useGetIdentity();
  const organisation = (identity as Identity | undefined)?.organisation;
  const [mine, setMine] = useState(true);
  const organisationId = mine && (identity as Identity | undefined)?.role === 'LEADER' ? organisation?.id : undefined;
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', organisationId ?? 'all'],
    queryFn: () => dataProvider.query<{ dashboard: DashboardData }>(dashboardQuery, organisationId ? { organisationId } : {}),
  });
  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2 }}>
      <Title title="Dashboard" />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1">Dashboard{organisationId && organisation ? `: ${organisation.name}` : ''}</Typography>
        {(identity as Identity | undefined)?.role === 'LEADER' && organisation && (
          <FormControlLabel control={<Switch checked={mine} onChange={(event) => setMine(event.target.checked)} />} label={`Only ${organisation.shortName ?? organisation.name} and those under it`} />
        )}
      </Box>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending && <Loading />}
      {data && (
        <>
          <KeyFigures data={data.dashboard} scope={organisationId} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' } }}>
            <StatusByOwnerChart rows={data.dashboard.byOwner} />
            <ReportedVsVerifiedChart rows={data.dashboard.reportedVsVerified} scope={organisationId} />
          </Box>
          <ProgressByReportChart rows={data.dashboard.progressByReport} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <RepeatedUnmet rows={data.dashboard.repeatedUnmet} total={data.dashboard.repeatedUnmetCount} scope={organisationId} />
            <OverdueActions rows={data.dashboard.overdueActionItems} total={data.dashboard.overdueActionItemCount} scope={organisationId} />
          </Box>
        </>
      )}
    </Box>
  );
}

import { Alert, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useGetIdentity } from 'react-admin';
import type { Identity } from '../providers/authProvider';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { followUpFigures, recommendationFigures } from './figures';
import { KeyFigures } from './KeyFigures';
import { OrganisationWork } from './OrganisationWork';
import { OverdueActions } from './OverdueActions';
import { OverdueByOwner } from './OverdueByOwner';
import { ProgressByReportChart } from './ProgressByReportChart';
import { dashboardQuery, type DashboardData } from './query';
import { RepeatedUnmet } from './RepeatedUnmet';
import { ReportedVsVerifiedChart } from './ReportedVsVerifiedChart';
import { StatusByOwnerChart } from './StatusByOwnerChart';
import { shortNameOf } from '../common/naming';

/**
 * What is open, overdue, repeated and unmet, and how far reports have got: each part links to the
 * list behind it. A leader sees their organisation's own work first; a part with nothing to show
 * says so in words instead of drawing an empty chart.
 */
export default function Dashboard() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { data: identity } = useGetIdentity();
  const organisation = (identity as Identity | undefined)?.organisation;
  const isLeader = (identity as Identity | undefined)?.role === 'LEADER';
  const [mine, setMine] = useState(true);
  const organisationId = mine && isLeader ? organisation?.id : undefined;
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', organisationId ?? 'all'],
    queryFn: () => dataProvider.query<{ dashboard: DashboardData }>(dashboardQuery, organisationId ? { organisationId } : {}),
  });
  const scopeName = organisationId && organisation ? shortNameOf(organisation) : undefined;
  const dashboard = data?.dashboard;
  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2, minWidth: 0 }}>
      <Title title="Dashboard" />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1">Dashboard{organisationId && organisation ? `: ${organisation.name}` : ''}</Typography>
        {isLeader && organisation && (
          <FormControlLabel control={<Switch checked={mine} onChange={(event) => setMine(event.target.checked)} />} label={`Only ${shortNameOf(organisation)} and those under it`} />
        )}
      </Box>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending && <Loading />}
      {dashboard && (
        <>
          {organisationId && scopeName && <OrganisationWork data={dashboard} scope={organisationId} name={scopeName} />}
          {dashboard.recommendationCount === 0 ? (
            <>
              <Alert severity="info">
                {scopeName
                  ? `${scopeName} and the organisations under it own no recommendations, so there are no recommendation figures or charts to show. Its work is the action items it owns on other organisations’ recommendations, above.`
                  : 'There are no recommendations yet, so there are no figures or charts to show.'}
              </Alert>
              {dashboard.overdueByOwner.length > 0 && <OverdueByOwner rows={dashboard.overdueByOwner} total={dashboard.overdueOwnerCount} scope={organisationId} resource="actionItems" />}
            </>
          ) : (
            <>
              <KeyFigures figures={recommendationFigures(dashboard, organisationId)} label="Key figures" />
              <KeyFigures figures={followUpFigures(dashboard, organisationId)} label="Responses and priorities" />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
                <OverdueByOwner rows={dashboard.overdueByOwner} total={dashboard.overdueOwnerCount} scope={organisationId} resource="recommendations" />
                <ReportedVsVerifiedChart rows={dashboard.reportedVsVerified} scope={organisationId} />
              </Box>
              <StatusByOwnerChart rows={dashboard.byOwner} ownerCount={dashboard.ownerCount} scope={organisationId} />
              <ProgressByReportChart rows={dashboard.progressByReport} scope={organisationId} />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: organisationId ? 'minmax(0, 1fr)' : 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
                <RepeatedUnmet rows={dashboard.repeatedUnmet} total={dashboard.repeatedUnmetCount} scope={organisationId} />
                {/* A leader's overdue action items lead their own work above. */}
                {!organisationId && <OverdueActions rows={dashboard.overdueActionItems} total={dashboard.overdueActionItemCount} scope={organisationId} />}
              </Box>
            </>
          )}
        </>
      )}
    </Box>
  );
}

import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RecordContextProvider, Title, useDataProvider } from 'react-admin';
import { HistorySection } from '../common/HistorySection';
import { label, roleLabels } from '../common/choices';
import { keepIdentity, type SessionAnswer } from '../providers/authProvider';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { meQuery } from '../providers/session';

/**
 * Who you are signed in as, and the changes to your account: your role and organisation as
 * administrators set them, your reminder choice, the API tokens made and revoked for you. Everyone
 * has this page; the users list, with everyone's, is for administrators. Read afresh each time it
 * opens, not from the identity kept since sign-in, so a role changed since shows here as in its history;
 * what it reads becomes the identity kept, so the name under the menu and what the app offers follow.
 */
export default function AccountPage() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ['account'],
    queryFn: async () => {
      const answer = await dataProvider.query<SessionAnswer>(meQuery);
      keepIdentity(answer);
      // react-admin's own reads of the identity and permissions (its query keys start with 'auth').
      await queryClient.invalidateQueries({ queryKey: ['auth'] });
      return answer;
    },
    refetchOnMount: 'always',
  });
  const me = data?.me;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Your account" />
      <CardContent>
        <Typography variant="h5" component="h1">Your account</Typography>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {me && (
          <>
            <Typography variant="body1" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
              {me.name} · {me.email}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {label(roleLabels, me.role)}{me.organisation ? ` · ${me.organisation.name}` : ''}
            </Typography>
            {/* The account's history is the history filter's userId, as on an administrator's page of a user. */}
            <RecordContextProvider value={{ id: me.id }}>
              <HistorySection target="userId" />
            </RecordContextProvider>
          </>
        )}
      </CardContent>
    </Card>
  );
}

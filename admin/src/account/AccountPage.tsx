import { Card, CardContent, Typography } from '@mui/material';
import { RecordContextProvider, Title, useGetIdentity } from 'react-admin';
import { HistorySection } from '../common/HistorySection';
import { label, roleLabels } from '../common/choices';
import type { Identity } from '../providers/authProvider';

/**
 * Who you are signed in as, and the changes to your account: your role and organisation as
 * administrators set them, your reminder choice, the API tokens made and revoked for you. Everyone
 * has this page; the users list, with everyone's, is for administrators.
 */
export default function AccountPage() {
  const { data } = useGetIdentity();
  const identity = data as Identity | undefined;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Your account" />
      <CardContent>
        <Typography variant="h5" component="h1">Your account</Typography>
        {identity && (
          <>
            <Typography variant="body1" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
              {identity.fullName} · {identity.email}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {label(roleLabels, identity.role)}{identity.organisation ? ` · ${identity.organisation.name}` : ''}
            </Typography>
            {/* The account's history is the history filter's userId, as on an administrator's page of a user. */}
            <RecordContextProvider value={{ id: identity.id }}>
              <HistorySection target="userId" />
            </RecordContextProvider>
          </>
        )}
      </CardContent>
    </Card>
  );
}

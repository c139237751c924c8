import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, Title, useDataProvider, useGetIdentity, useNotify } from 'react-admin';
import type { Identity } from '../providers/authProvider';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { readableDay } from '../common/dates';
import { useOneAtATime } from '../common/useOneAtATime';
import { NewTokenDialog } from './NewTokenDialog';
import { revokeTokenMutation, tokensQuery, type ApiToken } from './queries';

const day = (iso: string | null) => readableDay(iso) || '—';

/** Your API tokens (everyone's, for administrators): make one, see when each was used, revoke. */
export default function ApiTokens() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data: identity } = useGetIdentity();
  // Everyone's tokens are for those who administer.
  const all = (identity as Identity | undefined)?.permissions.actions.includes('ADMINISTER') ?? false;
  const [making, setMaking] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [saving, setSaving] = useState(false);
  const oneAtATime = useOneAtATime();
  const { data, error } = useQuery({
    queryKey: ['apiTokens', all],
    queryFn: () => dataProvider.query<{ apiTokens: ApiToken[] }>(tokensQuery, { all }),
    enabled: identity !== undefined,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['apiTokens'] });
  // A second click while the first is on its way was refused as already revoked, and read as a failure.
  const revoke = () => oneAtATime(async () => {
    if (!revoking) return;
    setSaving(true);
    try {
      await dataProvider.query(revokeTokenMutation, { id: revoking.id });
      notify(`Token “${revoking.name}” revoked`, { type: 'success' });
    } catch (cause) {
      notify((cause as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
    setRevoking(null);
    await reload();
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="API tokens" />
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h5" component="h1">API tokens{all ? ' (everyone’s)' : ''}</Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setMaking(true)}>New token</Button>
        </Box>
        <Typography variant="body2">A script calls the API as the token’s user, never doing more than that user may; a read token only reads.</Typography>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="API tokens">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell><TableCell>Starts with</TableCell><TableCell>Access</TableCell>{all && <TableCell>User</TableCell>}
                <TableCell>Made</TableCell><TableCell>Last used</TableCell><TableCell>Expires</TableCell><TableCell>State</TableCell><TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.apiTokens ?? []).map((token) => (
                <TableRow key={token.id}>
                  <TableCell>{token.name}</TableCell>
                  <TableCell><code>{token.prefix}…</code></TableCell>
                  <TableCell>{token.access === 'READ' ? 'Read' : 'Read and write'}</TableCell>
                  {all && <TableCell>{token.user.name}</TableCell>}
                  <TableCell>{day(token.createdAt)}</TableCell>
                  <TableCell>{day(token.lastUsedAt)}</TableCell>
                  <TableCell>{day(token.expiresAt)}</TableCell>
                  <TableCell><Chip size="small" label={token.isActive ? 'Active' : token.revokedAt ? 'Revoked' : 'Expired'} color={token.isActive ? 'success' : 'default'} /></TableCell>
                  <TableCell>{token.isActive && <Button size="small" color="error" onClick={() => setRevoking(token)} aria-label={`Revoke token ${token.name}`}>Revoke</Button>}</TableCell>
                </TableRow>
              ))}
              {data?.apiTokens.length === 0 && <TableRow><TableCell colSpan={9}>No tokens yet.</TableCell></TableRow>}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
      <NewTokenDialog open={making} onClose={() => { setMaking(false); void reload(); }} />
      <Confirm isOpen={revoking !== null} title="Revoke this token?" content={`Scripts using “${revoking?.name ?? ''}” will be refused at once.`}
        confirm="Revoke" loading={saving} onConfirm={() => void revoke()} onClose={() => setRevoking(null)} />
    </Card>
  );
}

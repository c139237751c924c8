import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { dayFromInput } from '../common/dates';
import { closedOnPurpose } from '../common/FormDialogs';
import { useOneAtATime } from '../common/useOneAtATime';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { createTokenMutation } from './queries';

/** Makes a token and shows its secret once; closing the dialog forgets it. */
export function NewTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [secret, setSecret] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const oneAtATime = useOneAtATime();
  const close = () => { setSecret(null); setProblem(null); onClose(); };
  // One token a save: a double click made two, and the secret of one was never shown.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return oneAtATime(async () => {
      const typed = String(form.get('expiresOn') ?? '').trim();
      const expires = typed ? dayFromInput(typed) : null;
      if (typed && !expires) { setProblem('Type the expiry date as dd/mm/yyyy, e.g. 31/03/2027.'); return; }
      setSaving(true);
      try {
        const result = await dataProvider.query<{ createApiToken: { secret: string } }>(createTokenMutation, {
          input: { name: String(form.get('name')), access: String(form.get('access')), ...(expires ? { expiresAt: `${expires}T23:59:59Z` } : {}) },
        });
        setSecret(result.createApiToken.secret);
      } catch (error) {
        setProblem((error as Error).message);
      } finally {
        setSaving(false);
      }
    });
  };
  return (
    <Dialog open={open} onClose={closedOnPurpose(close)} aria-labelledby="new-token-title" fullWidth maxWidth="sm">
      <DialogTitle id="new-token-title">{secret ? 'Copy the secret now' : 'New API token'}</DialogTitle>
      {secret ? (
        <>
          <DialogContent sx={{ display: 'grid', gap: 2 }}>
            <Alert severity="warning">This is the only time the secret is shown. Store it where your script can read it.</Alert>
            <TextField label="Secret" value={secret} slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }} onFocus={(e) => e.target.select()} fullWidth autoFocus />
            <Typography variant="body2">Send it as <code>Authorization: Bearer {'<secret>'}</code> with each request to <code>/graphql</code>.</Typography>
          </DialogContent>
          <DialogActions><Button onClick={close} variant="contained">I have copied it</Button></DialogActions>
        </>
      ) : (
        <Box component="form" onSubmit={submit}>
          <DialogContent sx={{ display: 'grid', gap: 2 }}>
            <TextField name="name" label="What it is for" helperText='e.g. "nightly export"' required autoFocus />
            <TextField name="access" label="Access" select defaultValue="READ" required>
              <MenuItem value="READ">Read only</MenuItem>
              <MenuItem value="READ_WRITE">Read and write</MenuItem>
            </TextField>
            <TextField name="expiresOn" label="Expires on (optional)" placeholder="dd/mm/yyyy" helperText="For example, 31/03/2027" slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 10, autoComplete: 'off' } }} />
            {problem && <Alert severity="error">{problem}</Alert>}
          </DialogContent>
          <DialogActions>
            {/* Not while saving: the busy label is narrower, and a double click's second click landed on Cancel. */}
            <Button onClick={close} disabled={saving}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={saving}>{saving ? 'Making…' : 'Make token'}</Button>
          </DialogActions>
        </Box>
      )}
    </Dialog>
  );
}

import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { readableMoment } from '../common/dates';
import { closedOnPurpose } from '../common/FormDialogs';
import { useOneAtATime } from '../common/useOneAtATime';
import { graphql } from '../providers/graphql';
import { withdrawRecommendationMutation } from './queries';

/** Withdraws the recommendation, with the reason: it stays in its report, shown as withdrawn. */
export function WithdrawButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const oneAtATime = useOneAtATime();
  if (!record?.viewerCanWithdraw) return null;
  // A second click while the first is on its way would be refused as someone else's change.
  const withdraw = () => oneAtATime(async () => {
    setSaving(true);
    try {
      await graphql(withdrawRecommendationMutation, { input: { id: record.id, version: record.version, reason } });
      setOpen(false);
      notify('Recommendation withdrawn', { type: 'success' });
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSaving(false);
    }
  });
  return (
    <>
      <Button size="small" color="warning" onClick={() => { setReason(''); setError(null); setOpen(true); }}>Withdraw</Button>
      <Dialog open={open} onClose={closedOnPurpose(() => setOpen(false))} fullWidth maxWidth="sm" aria-labelledby="withdraw-title">
        <DialogTitle id="withdraw-title">Withdraw recommendation {record.reference}</DialogTitle>
        <DialogContent>
          <TextField label="Why it is withdrawn" required fullWidth multiline minRows={3} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={saving}>Cancel</Button>
          <Button variant="contained" color="warning" disabled={!reason.trim() || saving} onClick={withdraw}>{saving ? 'Withdrawing…' : 'Withdraw'}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/**
 * Says plainly that the recommendation was withdrawn, when and why, and what that leaves open: on its
 * page, and on the page of one of its actions (given the action's `recommendation`). The server
 * refuses new work on it, and its `viewerCan…` answers already hide the buttons for it.
 */
export function WithdrawnNotice({ recommendation }: { recommendation?: RaRecord }) {
  const context = useRecordContext();
  const rec = recommendation ?? context;
  if (!rec?.withdrawnAt) return null;
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
      <AlertTitle>{recommendation ? `Its recommendation, ${rec.reference}, is withdrawn` : 'Withdrawn'}</AlertTitle>
      <Typography variant="body2">Withdrawn on {readableMoment(rec.withdrawnAt)}: {rec.withdrawalReason}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        It takes no new work: its status, responses, action plan, evidence and verdicts stay as they were when it was withdrawn.
        {/* Only those who may read the discussion are told of it. */}
        {rec.viewerCanReadDiscussion ? ' Its discussion stays open.' : ''}
      </Typography>
    </Alert>
  );
}

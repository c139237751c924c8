import { Box, Button, Link, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, required, useCanAccess, useRecordContext, type RaRecord } from 'react-admin';
import { label, strengthLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EditDialog } from '../common/FormDialogs';

type Verdict = 'ACCEPTED' | 'INSUFFICIENT';

/** What is being judged, shown in the dialog: the evidence, the action it backs, who sent it and when. */
function EvidenceBeingJudged({ evidence }: { evidence: RaRecord }) {
  const action = evidence.actionItem;
  return (
    <Paper variant="outlined" component="section" aria-label="The evidence" sx={{ p: 1.5, mb: 2, bgcolor: 'grey.50' }}>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-line' }}>{evidence.summary}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {label(strengthLabels, evidence.strength)} · sent by {evidence.submittedBy?.name ?? 'someone'} on {readableDay(evidence.submittedAt)}
        {evidence.url && <> · <Link href={evidence.url} target="_blank" rel="noreferrer">open the evidence</Link></>}
      </Typography>
      {action && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          For the action “{action.description}” ({action.owner?.name}), recommendation {action.recommendation?.reference} of {action.recommendation?.report?.title}.
        </Typography>
      )}
    </Paper>
  );
}

/** An inspector accepts the evidence, or marks it insufficient, always with a note. */
export function VerifyButtons(_props: { label?: string; source?: string }) {
  const record = useRecordContext();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { canAccess } = useCanAccess({ action: 'verify', resource: 'evidence', record });
  if (!record || !canAccess) return null;
  const name = `“${String(record.summary).slice(0, 50)}”`;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
      <Button size="small" color="success" variant="outlined" onClick={() => setVerdict('ACCEPTED')} aria-label={`Accept evidence ${name}`}>Accept</Button>
      <Button size="small" color="error" variant="outlined" onClick={() => setVerdict('INSUFFICIENT')} aria-label={`Insufficient: evidence ${name}`}>Insufficient</Button>
      <EditDialog resource="evidence" id={record.id} operation="verify" open={verdict !== null} onClose={() => setVerdict(null)}
        title={verdict === 'ACCEPTED' ? 'Accept evidence' : 'Mark evidence insufficient'} saveLabel={verdict === 'ACCEPTED' ? 'Accept' : 'Mark insufficient'}
        done={verdict === 'ACCEPTED' ? 'Evidence accepted' : 'Evidence marked insufficient'} transform={(data) => ({ ...data, verification: verdict })} about={['verification', 'verificationNote']}>
        <EvidenceBeingJudged evidence={record} />
        <TextInput source="note" label={verdict === 'ACCEPTED' ? 'Why it shows the progress claimed' : 'What is missing'} multiline minRows={3} validate={required()} fullWidth defaultValue="" />
      </EditDialog>
    </Box>
  );
}

import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { TextInput, required, useCanAccess, useRecordContext } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';

type Verdict = 'ACCEPTED' | 'INSUFFICIENT';

/** An inspector accepts the evidence, or marks it insufficient, always with a note. */
export function VerifyButtons(_props: { label?: string }) {
  const record = useRecordContext();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { canAccess } = useCanAccess({ action: 'verify', resource: 'evidence', record });
  if (!record || !canAccess) return null;
  const name = `“${String(record.summary).slice(0, 50)}”`;
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      <Button size="small" color="success" onClick={() => setVerdict('ACCEPTED')} aria-label={`Accept evidence ${name}`}>Accept</Button>
      <Button size="small" color="error" onClick={() => setVerdict('INSUFFICIENT')} aria-label={`Mark evidence ${name} insufficient`}>Insufficient</Button>
      <EditDialog resource="evidence" id={record.id} operation="verify" open={verdict !== null} onClose={() => setVerdict(null)}
        title={verdict === 'ACCEPTED' ? 'Accept evidence' : 'Mark evidence insufficient'} saveLabel={verdict === 'ACCEPTED' ? 'Accept' : 'Mark insufficient'}
        done={verdict === 'ACCEPTED' ? 'Evidence accepted' : 'Evidence marked insufficient'} transform={(data) => ({ ...data, verification: verdict })}>
        <TextInput source="note" label={verdict === 'ACCEPTED' ? 'Why it shows the progress claimed' : 'What is missing'} multiline minRows={3} validate={required()} fullWidth defaultValue="" />
      </EditDialog>
    </Box>
  );
}


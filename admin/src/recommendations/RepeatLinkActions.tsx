import { Button } from '@mui/material';
import { useState } from 'react';
import { TextInput, required, useCanAccess, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';
import { useWriteErrors } from '../common/useWriteErrors';

/** An inspector confirms a proposed repeat link, or removes a wrong one with the reason. */
export function RepeatLinkActions() {
  const record = useRecordContext();
  const [unlinking, setUnlinking] = useState(false);
  const [update, { isPending }] = useUpdate();
  const refresh = useRefresh();
  const notify = useNotify();
  const onError = useWriteErrors();
  const { canAccess } = useCanAccess({ action: 'linkRepeat', resource: 'recommendations', record });
  if (!record?.repeats || !canAccess) return null;
  const confirm = () =>
    update('recommendations', { id: record.id, data: {}, previousData: record, meta: { operation: 'confirmRepeat' } }, {
      mutationMode: 'pessimistic',
      onSuccess: () => { notify('Repeat link confirmed', { type: 'success' }); refresh(); },
      onError,
    });
  return (
    <>
      {!record.repeatConfirmed && <Button size="small" variant="contained" disabled={isPending} onClick={confirm}>Confirm repeat link</Button>}
      <Button size="small" color="warning" onClick={() => setUnlinking(true)}>Remove repeat link</Button>
      <EditDialog resource="recommendations" id={record.id} operation="unlinkRepeat" open={unlinking} onClose={() => setUnlinking(false)} title="Remove the repeat link" saveLabel="Remove link" done="Repeat link removed">
        <TextInput source="comment" label="Why the link is wrong (kept in history)" multiline minRows={2} validate={required()} fullWidth defaultValue="" />
      </EditDialog>
    </>
  );
}

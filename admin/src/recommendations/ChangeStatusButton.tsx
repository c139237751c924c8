import { recommendationName } from '../common/naming';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button } from '@mui/material';
import { useState } from 'react';
import { RadioButtonGroupInput, TextInput, required, useCanAccess, useRecordContext } from 'react-admin';
import { recommendationStatusChoices } from '../common/choices';
import { EditDialog } from '../common/FormDialogs';

/** The owner's self-reported status, changed only with a comment that is kept in history. */
export function ChangeStatusButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ action: 'status', resource: 'recommendations', record });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button startIcon={<EditNoteIcon />} variant="outlined" size="small" onClick={() => setOpen(true)}>Change status</Button>
      <EditDialog resource="recommendations" id={record.id} operation="status" open={open} onClose={() => setOpen(false)} title={`Change the status of ${recommendationName(record)}`} saveLabel="Change status" done="Status changed">
        <RadioButtonGroupInput source="status" label="New status" choices={recommendationStatusChoices} validate={required()} />
        <TextInput source="comment" label="Why it changed (kept in history)" multiline minRows={3} validate={required()} fullWidth defaultValue="" />
      </EditDialog>
    </>
  );
}

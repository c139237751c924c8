import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, useRecordContext } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';

/** For those who may publish its report: keep a recommendation off the report's public page, or show it there again. */
export function InternalButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record?.report?.viewerCanPublish) return null;
  const internal = record.isInternal === true;
  return (
    <>
      <Button size="small" startIcon={<VisibilityOffIcon />} onClick={() => setOpen(true)}>
        {internal ? 'Internal: show publicly' : 'Mark internal'}
      </Button>
      <EditDialog
        resource="recommendations" id={record.id} operation="internal" open={open} onClose={() => setOpen(false)}
        title={internal ? 'Show it on the report’s public page?' : 'Keep it off the report’s public page?'}
        saveLabel={internal ? 'Show publicly' : 'Mark internal'} done={internal ? 'It may show on the public page' : 'Kept off the public page'}
      >
        <Typography variant="body2">
          {internal
            ? 'When the report is public, its public page will show this recommendation, its responses, status and verdict.'
            : 'Even when the report is public, its public page will leave this recommendation out.'}
        </Typography>
        <TextInput source="comment" label="Why (kept in history; optional)" multiline minRows={2} fullWidth defaultValue="" />
      </EditDialog>
    </>
  );
}

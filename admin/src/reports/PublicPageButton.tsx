import PublicIcon from '@mui/icons-material/Public';
import PublicOffIcon from '@mui/icons-material/PublicOff';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, useRecordContext } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';

/** The report's number, as its public page's address uses it. */
const reportNumber = (id: string) => atob(id).split(':')[1];

/**
 * For inspectors of its inspectorate and administrators: put the report on its public page, or take it
 * off (the page exists only while the server's public view is on). Nothing else is ever public.
 */
export function PublicPageButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const isPublic = record.isPublic === true;
  const link = isPublic && (
    <Button size="small" startIcon={<PublicIcon />} href={`/public/reports/${reportNumber(String(record.id))}`} target="_blank" rel="noreferrer">Public page</Button>
  );
  if (!record.viewerCanPublish) return link || null;
  return (
    <>
      {link}
      <Button size="small" startIcon={isPublic ? <PublicOffIcon /> : <PublicIcon />} onClick={() => setOpen(true)}>
        {isPublic ? 'Make not public' : 'Make public'}
      </Button>
      <EditDialog
        resource="reports" id={record.id} operation="publish" open={open} onClose={() => setOpen(false)}
        title={isPublic ? 'Take the report off its public page?' : 'Show the report on its public page?'}
        saveLabel={isPublic ? 'Make not public' : 'Make public'} done={isPublic ? 'Taken off its public page' : 'Shown on its public page'}
      >
        <Typography variant="body2">
          {isPublic
            ? 'Its public page will answer “not found” from now on.'
            : 'Anyone may then read, without signing in, its recommendations not marked internal, the addressees’ responses, the reported status and the inspectors’ verdicts — never notes, evidence, discussion, history or people’s names. The page exists only while the server’s public view is on.'}
        </Typography>
        <TextInput source="comment" label="Why (kept in history; optional)" multiline minRows={2} fullWidth defaultValue="" />
      </EditDialog>
    </>
  );
}

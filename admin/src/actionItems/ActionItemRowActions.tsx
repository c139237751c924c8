import EditIcon from '@mui/icons-material/Edit';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Box, IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { SelectInput, TextInput, required, useCanAccess, useRecordContext } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { strengthChoices } from '../common/choices';
import { CreateDialog, EditDialog } from '../common/FormDialogs';
import { EvidenceFilesInput } from '../evidence/EvidenceFiles';
import { excerpt } from '../../../server/domain/excerpt.ts';
import { ActionItemInputs } from './ActionItemInputs';

const closed = new Set(['COMPLETED', 'CANCELLED']);

/** Edit, complete, and add evidence to one action, each in a dialog. */
export function ActionItemRowActions(_props: { label?: string; source?: string }) {
  const record = useRecordContext();
  const [dialog, setDialog] = useState<'edit' | 'complete' | 'evidence' | null>(null);
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'actionItems', record });
  const { canAccess: canSubmit } = useCanAccess({ action: 'submitEvidence', resource: 'actionItems', record });
  if (!record || !(canEdit || canSubmit)) return null;
  const close = () => setDialog(null);
  // Buttons are told apart by the whole description (two actions may begin alike); a dialog's title is cut at a word.
  const name = `“${String(record.description)}”`;
  const shortName = `“${excerpt(String(record.description), 60)}”`;
  return (
    // Icons named by their tooltips (and, for screen readers, their labels), so a row stays one line high.
    // A click on them or in their dialogs (React bubbles through portals) is not a click on the row, which opens the action.
    <Box sx={{ display: 'flex', gap: 0.25, flexWrap: 'wrap' }} onClick={(event) => event.stopPropagation()}>
      {canEdit && <Tooltip title="Edit"><IconButton size="small" color="primary" onClick={() => setDialog('edit')} aria-label={`Edit action ${name}`}><EditIcon fontSize="small" /></IconButton></Tooltip>}
      {canEdit && !closed.has(String(record.status)) && <Tooltip title="Complete"><IconButton size="small" color="primary" onClick={() => setDialog('complete')} aria-label={`Complete action ${name}`}><TaskAltIcon fontSize="small" /></IconButton></Tooltip>}
      {canSubmit && <Tooltip title="Add evidence"><IconButton size="small" color="primary" onClick={() => setDialog('evidence')} aria-label={`Add evidence to action ${name}`}><NoteAddIcon fontSize="small" /></IconButton></Tooltip>}
      <EditDialog resource="actionItems" id={record.id} open={dialog === 'edit'} onClose={close} title="Edit action" done="Action saved">
        <ActionItemInputs editing />
      </EditDialog>
      <EditDialog resource="actionItems" id={record.id} operation="complete" open={dialog === 'complete'} onClose={close} title="Complete action" saveLabel="Mark completed" done="Action completed">
        <DayInput source="completedOn" label="Completed on (today when empty)" />
        <TextInput source="comment" label="Note (kept in history)" fullWidth defaultValue="" />
      </EditDialog>
      <CreateDialog resource="evidence" defaults={{ actionItemId: record.id, strength: 'PRACTICE' }} open={dialog === 'evidence'} onClose={close} title={`Evidence for ${shortName}`} saveLabel="Submit evidence" done="Evidence submitted">
        <TextInput source="summary" label="What the evidence shows" multiline minRows={3} validate={required()} fullWidth />
        <SelectInput source="strength" choices={strengthChoices} validate={required()} />
        <TextInput source="url" label="Where it can be read (link)" type="url" fullWidth />
        <EvidenceFilesInput />
      </CreateDialog>
    </Box>
  );
}

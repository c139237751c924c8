import EditIcon from '@mui/icons-material/Edit';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Box, Button, IconButton, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useState } from 'react';
import { SelectInput, TextInput, required, useCanAccess, useRecordContext } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { strengthChoices } from '../common/choices';
import { CreateDialog, EditDialog } from '../common/FormDialogs';
import { EvidenceFilesInput } from '../evidence/EvidenceFiles';
import { excerpt } from '../../../server/domain/excerpt.ts';
import { ActionItemInputs } from './ActionItemInputs';

const closed = new Set(['COMPLETED', 'CANCELLED']);

/**
 * Edit, complete, and add evidence to one action, each in a dialog: icons in a row of a list, and
 * buttons with their words (`withWords`) on the action's own page, where there is room to say them.
 */
export function ActionItemRowActions({ withWords = false }: { label?: string; source?: string; withWords?: boolean }) {
  const record = useRecordContext();
  const [dialog, setDialog] = useState<'edit' | 'complete' | 'evidence' | null>(null);
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'actionItems', record });
  const { canAccess: canSubmit } = useCanAccess({ action: 'submitEvidence', resource: 'actionItems', record });
  if (!record || !(canEdit || canSubmit)) return null;
  const close = () => setDialog(null);
  // Buttons are told apart by the whole description (two actions may begin alike); a dialog's title is cut at a word.
  const name = `“${String(record.description)}”`;
  const shortName = `“${excerpt(String(record.description), 60)}”`;
  const button = (words: string, named: string, icon: ReactElement, onClick: () => void) => withWords
    ? <Button size="small" variant="outlined" startIcon={icon} onClick={onClick} aria-label={named}>{words}</Button>
    : <Tooltip title={words}><IconButton size="small" color="primary" onClick={onClick} aria-label={named}>{icon}</IconButton></Tooltip>;
  return (
    // Icons named by their tooltips (and, for screen readers, their labels), so a row stays one line high.
    // A click on them or in their dialogs (React bubbles through portals) is not a click on the row, which opens the action.
    <Box sx={{ display: 'flex', gap: withWords ? 1 : 0.25, flexWrap: 'wrap' }} onClick={(event) => event.stopPropagation()}>
      {canEdit && button('Edit', `Edit action ${name}`, <EditIcon fontSize="small" />, () => setDialog('edit'))}
      {canEdit && !closed.has(String(record.status)) && button('Complete', `Complete action ${name}`, <TaskAltIcon fontSize="small" />, () => setDialog('complete'))}
      {canSubmit && button('Add evidence', `Add evidence to action ${name}`, <NoteAddIcon fontSize="small" />, () => setDialog('evidence'))}
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

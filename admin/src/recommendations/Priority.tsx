import FlagIcon from '@mui/icons-material/Flag';
import OutlinedFlagIcon from '@mui/icons-material/OutlinedFlag';
import { Button, Chip, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, required, useCanAccess, useRecordContext, type RaRecord } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';

/**
 * Marks a priority wherever a recommendation is shown: the list, its card and its page. In a list's
 * narrow reference column it is a flag and a word, not a chip that would be cut short.
 */
export function PriorityBadge({ record, size = 'small', compact = false }: { record?: RaRecord; size?: 'small' | 'medium'; compact?: boolean }) {
  const context = useRecordContext();
  const rec = record ?? context;
  if (!rec?.isPriority) return null;
  if (compact) {
    return (
      <Tooltip title={rec.priorityReason ?? ''}>
        <Typography variant="caption" color="secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.25, fontWeight: 600 }}>
          <FlagIcon fontSize="inherit" />Priority
        </Typography>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={rec.priorityReason ?? ''}>
      <Chip icon={<FlagIcon />} size={size} color="secondary" label="Priority" />
    </Tooltip>
  );
}

/**
 * Inspectors mark a recommendation as a priority, or take it off the priorities, always saying
 * why: the reason is kept in its history.
 */
export function PriorityButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ action: 'priority', resource: 'recommendations', record });
  if (!record || !canAccess) return null;
  const marking = !record.isPriority;
  return (
    <>
      <Button startIcon={marking ? <FlagIcon /> : <OutlinedFlagIcon />} size="small" color="secondary" onClick={() => setOpen(true)}>
        {marking ? 'Mark as priority' : 'Remove priority'}
      </Button>
      <EditDialog
        resource="recommendations" id={record.id} operation="priority" open={open} onClose={() => setOpen(false)}
        title={marking ? `Mark ${record.reference} as a priority` : `Take ${record.reference} off the priorities`}
        saveLabel={marking ? 'Mark as priority' : 'Remove priority'} done={marking ? 'Marked as a priority' : 'Priority removed'}
      >
        <TextInput source="reason" label={marking ? 'Why it is a priority (kept in history)' : 'Why it is no longer a priority (kept in history)'}
          multiline minRows={3} validate={required()} fullWidth defaultValue="" />
      </EditDialog>
    </>
  );
}

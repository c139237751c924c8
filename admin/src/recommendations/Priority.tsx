import FlagIcon from '@mui/icons-material/Flag';
import OutlinedFlagIcon from '@mui/icons-material/OutlinedFlag';
import { Chip, Tooltip, Typography } from '@mui/material';
import { useCanAccess, useRecordContext, type RaRecord } from 'react-admin';
import { RecordedSwitch } from '../common/RecordedSwitch';

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
  const { canAccess } = useCanAccess({ action: 'priority', resource: 'recommendations', record });
  if (!record || !canAccess) return null;
  const on = record.isPriority === true;
  return (
    <RecordedSwitch
      resource="recommendations" operation="priority" on={on} color="secondary"
      turnOn={{ button: 'Mark as priority', icon: <FlagIcon />, title: `Mark ${record.reference} as a priority`, done: 'Marked as a priority' }}
      turnOff={{ button: 'Remove priority', icon: <OutlinedFlagIcon />, title: `Take ${record.reference} off the priorities`, done: 'Priority removed' }}
      reason={{ source: 'reason', label: on ? 'Why it is no longer a priority (kept in history)' : 'Why it is a priority (kept in history)', required: true }}
    />
  );
}

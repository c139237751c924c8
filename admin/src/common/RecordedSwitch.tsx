import { Button, Typography, type ButtonProps } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { TextInput, required, useRecordContext } from 'react-admin';
import { EditDialog } from './FormDialogs';

/** One way of the switch: its button, the question the dialog asks, what it means, and what is said once done. */
export type SwitchSide = { button: string; icon: ReactElement; title: string; explanation?: string; done: string };

/**
 * A yes/no of a record that is changed on purpose and recorded: a priority, a recommendation kept off
 * the public page, a report put on it. The button says what it will do; the dialog says what that
 * means and asks why, and the reason is kept in history with the change (required where `reason`
 * says so). The write is the resource's `operation` (providers/resources.ts), which flips the value.
 */
export function RecordedSwitch({ resource, operation, on, turnOn, turnOff, reason, color }: {
  resource: string;
  operation: string;
  /** Whether the record is switched on now. */
  on: boolean;
  turnOn: SwitchSide;
  turnOff: SwitchSide;
  reason: { source: string; label: string; required?: boolean };
  color?: ButtonProps['color'];
}) {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const side = on ? turnOff : turnOn;
  return (
    <>
      <Button size="small" color={color} startIcon={side.icon} onClick={() => setOpen(true)}>{side.button}</Button>
      <EditDialog resource={resource} id={record.id} operation={operation} open={open} onClose={() => setOpen(false)} title={side.title} saveLabel={side.button} done={side.done}>
        {side.explanation && <Typography variant="body2">{side.explanation}</Typography>}
        <TextInput source={reason.source} label={reason.label} multiline minRows={reason.required ? 3 : 2} fullWidth defaultValue=""
          validate={reason.required ? required() : undefined} />
      </EditDialog>
    </>
  );
}

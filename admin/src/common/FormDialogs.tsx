import { Box, Button, CircularProgress, Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { CreateBase, EditBase, useNotify, useRecordContext, useRefresh, type Identifier, type RaRecord } from 'react-admin';
import { ChangedSinceShown, RecordForm, RecordToolbar } from './RecordForm';
import { useWriteErrors } from './useWriteErrors';

/**
 * A dialog's onClose that ignores a click outside it: a form dialog closes by its buttons or Escape,
 * never by a stray click beside it, which lost what was typed (and the new token's secret, shown once).
 */
export const closedOnPurpose = (close: () => void) => (_event: unknown, reason?: 'backdropClick' | 'escapeKeyDown') => {
  if (reason !== 'backdropClick') close();
};

type DialogProps = { open: boolean; onClose: () => void; title: string; children: ReactNode; saveLabel?: string };

/** The dialog around a form; the form (and its data loading) exists only while the dialog is open. */
function FormDialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={closedOnPurpose(onClose)} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={{ p: 0 }}>{open && children}</DialogContent>
    </Dialog>
  );
}

/** The form inside a dialog, with Save and Cancel. */
function DialogForm({ onCancel, saveLabel, children, before }: { onCancel: () => void; saveLabel?: string; children: ReactNode; before?: ReactNode }) {
  return (
    <RecordForm toolbar={<RecordToolbar saveLabel={saveLabel}><Button onClick={onCancel}>Cancel</Button></RecordToolbar>}>
      {before}
      {children}
    </RecordForm>
  );
}

/** On success: close, refresh what is shown, and say so; on failure: the server's message, on the fields it names. */
function useDialogOutcome(onClose: () => void, message: string) {
  const refresh = useRefresh();
  const notify = useNotify();
  const onError = useWriteErrors({ form: true });
  const onSuccess = () => {
    onClose();
    refresh();
    notify(message, { type: 'success' });
  };
  return { onSuccess, onError };
}

/**
 * Edits a record in a dialog, pessimistically: the dialog closes only once the
 * server has accepted the change. `operation` picks another mutation (see resources.ts).
 * The button that opens a dialog is shown only to those the server allows that
 * write, so the dialogs skip react-admin's generic edit/create access check.
 */
type EditDialogProps = DialogProps & {
  resource: string;
  id: Identifier;
  operation?: string;
  done?: string;
  transform?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** Fields the dialog's action is about that no input shows (a verification set by the button opening it). */
  about?: string[];
};

export function EditDialog({ resource, id, operation, open, onClose, title, children, saveLabel, transform, about, done = 'Saved' }: EditDialogProps) {
  const outcome = useDialogOutcome(onClose, done);
  // The record as the page showed it when the dialog opened, before the dialog read it afresh.
  const page = useRecordContext();
  const [shown, setShown] = useState<RaRecord | undefined>(undefined);
  if (open && !shown && page) setShown(page);
  if (!open && shown) setShown(undefined);
  // The record is read with the meta its write carries: react-admin keeps the record it reads under
  // its meta, and updates the one so kept when the write succeeds (another meta, and it warned of
  // stale data on every dialog that picks a mutation).
  const meta = operation ? { operation } : undefined;
  return (
    <FormDialog open={open} onClose={onClose} title={title}>
      {/* The form is shown once the record has come: the form takes the record as it arrives, and
          would drop whatever was typed or picked before (a file chosen at once was lost). */}
      <EditBase resource={resource} id={id} mutationMode="pessimistic" redirect={false} transform={transform} disableAuthentication queryOptions={{ meta }} mutationOptions={{ ...outcome, meta }}
        loading={<Box sx={{ display: 'flex', justifyContent: 'center', p: 3 }}><CircularProgress size={28} aria-label="Loading the record" /></Box>}>
        <DialogForm onCancel={onClose} saveLabel={saveLabel} before={<ChangedSinceShown shown={shown} about={about} />}>{children}</DialogForm>
      </EditBase>
    </FormDialog>
  );
}

/** Creates a record in a dialog, starting from `defaults`. */
export function CreateDialog({ resource, defaults, open, onClose, title, children, saveLabel, done = 'Saved' }: DialogProps & { resource: string; defaults: Record<string, unknown>; done?: string }) {
  const outcome = useDialogOutcome(onClose, done);
  return (
    <FormDialog open={open} onClose={onClose} title={title}>
      <CreateBase resource={resource} record={defaults} redirect={false} disableAuthentication mutationOptions={outcome}>
        <DialogForm onCancel={onClose} saveLabel={saveLabel}>{children}</DialogForm>
      </CreateBase>
    </FormDialog>
  );
}

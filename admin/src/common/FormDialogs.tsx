import { Button, Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { CreateBase, EditBase, SaveButton, SimpleForm, Toolbar, useNotify, useRefresh, type Identifier } from 'react-admin';
import { useWriteErrors } from './useWriteErrors';

type DialogProps = { open: boolean; onClose: () => void; title: string; children: ReactNode; saveLabel?: string };

function DialogToolbar({ onCancel, saveLabel }: { onCancel: () => void; saveLabel?: string }) {
  return (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton label={saveLabel ?? 'Save'} alwaysEnable />
      <Button onClick={onCancel}>Cancel</Button>
    </Toolbar>
  );
}

function useDone(onClose: () => void, message: string) {
  const refresh = useRefresh();
  const notify = useNotify();
  return () => {
    onClose();
    refresh();
    notify(message, { type: 'success' });
  };
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
};

export function EditDialog({ resource, id, operation, open, onClose, title, children, saveLabel, transform, done = 'Saved' }: EditDialogProps) {
  const titleId = useId();
  const onSuccess = useDone(onClose, done);
  const onError = useWriteErrors();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={{ p: 0 }}>
        {open && (
          <EditBase resource={resource} id={id} mutationMode="pessimistic" redirect={false} transform={transform} disableAuthentication mutationOptions={{ onSuccess, onError, meta: operation ? { operation } : undefined }}>
            <SimpleForm toolbar={<DialogToolbar onCancel={onClose} saveLabel={saveLabel} />}>{children}</SimpleForm>
          </EditBase>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** Creates a record in a dialog, starting from `defaults`. */
export function CreateDialog({ resource, defaults, open, onClose, title, children, saveLabel, done = 'Saved' }: DialogProps & { resource: string; defaults: Record<string, unknown>; done?: string }) {
  const titleId = useId();
  const onSuccess = useDone(onClose, done);
  const onError = useWriteErrors();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={{ p: 0 }}>
        {open && (
          <CreateBase resource={resource} record={defaults} redirect={false} disableAuthentication mutationOptions={{ onSuccess, onError }}>
            <SimpleForm toolbar={<DialogToolbar onCancel={onClose} saveLabel={saveLabel} />}>{children}</SimpleForm>
          </CreateBase>
        )}
      </DialogContent>
    </Dialog>
  );
}

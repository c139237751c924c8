import { Alert, Button } from '@mui/material';
import { HttpError, useCloseNotification, useNotify, useRefresh } from 'react-admin';
import { isConflict } from '../providers/errors';

function ReloadButton() {
  const refresh = useRefresh();
  const close = useCloseNotification();
  return (
    <Button color="inherit" size="small" variant="outlined" onClick={() => { refresh(); close(); }}>
      Reload
    </Button>
  );
}

/**
 * A conflict outside a form (a button that writes at once): a solid surface of its own, as the
 * notification shows a custom element bare. Nothing typed is lost by reloading here.
 */
function ConflictNotice({ message }: { message: string }) {
  return (
    <Alert role="alert" severity="warning" variant="filled" elevation={6} action={<ReloadButton />} sx={{ maxWidth: 560 }}>
      {message}
    </Alert>
  );
}

/**
 * What a failed write tells the person. In a form (`form: true`), the form itself shows every
 * problem the server names (providers/errors.ts puts them on it; common/RecordForm.tsx shows a
 * conflict and warnings), so only what has no place on the form is notified. Outside a form, a
 * conflict offers to reload, and any other refusal gives the server's reason.
 */
export function useWriteErrors({ form = false }: { form?: boolean } = {}) {
  const notify = useNotify();
  return (error: unknown) => {
    if (form && error instanceof HttpError && error.body?.errors) return;
    if (isConflict(error)) {
      notify(<ConflictNotice message={(error as HttpError).message} />, { type: 'warning', autoHideDuration: null });
      return;
    }
    notify(error instanceof Error ? error.message : 'The change was not saved.', { type: 'error' });
  };
}

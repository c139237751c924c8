import { Button } from '@mui/material';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import { isConflict } from '../providers/errors';

function ReloadButton() {
  const refresh = useRefresh();
  return (
    <Button color="inherit" size="small" variant="outlined" onClick={() => refresh()}>
      Reload
    </Button>
  );
}

/**
 * What a failed write tells the person: a conflict offers to reload the record,
 * other refusals give the server's reason; field errors are left to the form.
 */
export function useWriteErrors() {
  const notify = useNotify();
  return (error: unknown) => {
    if (isConflict(error)) {
      notify(
        <span role="alert">
          {(error as HttpError).message} <ReloadButton />
        </span>,
        { type: 'warning', autoHideDuration: null },
      );
      return;
    }
    if (error instanceof HttpError && error.body?.errors) return;
    notify(error instanceof Error ? error.message : 'The change was not saved.', { type: 'error' });
  };
}

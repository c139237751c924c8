import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useResourceContext, useUpdate } from 'react-admin';
import { useWriteErrors } from './useWriteErrors';

/**
 * Deactivates or reactivates the record (a user, an organisation): the removal the API makes for
 * them, recorded in history and undone the same way. What it means is said before it is done.
 */
export function ActiveToggleButton({ what, deactivating, reactivating }: { what: string; deactivating: string; reactivating: string }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const { canAccess } = useCanAccess({ action: 'edit', resource, record });
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  if (!record || !canAccess) return null;
  const active = record.active !== false;
  const verb = active ? 'Deactivate' : 'Reactivate';
  const confirm = () =>
    update(
      resource,
      { id: record.id, data: { active: !active }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          refresh();
          notify(`${what} ${active ? 'deactivated' : 'reactivated'}`, { type: 'success' });
        },
        onError: (error) => {
          setOpen(false);
          onError(error);
        },
      },
    );
  return (
    <>
      <Button size="small" color={active ? 'error' : 'primary'} startIcon={active ? <BlockIcon /> : <RestoreIcon />} onClick={() => setOpen(true)}>
        {verb}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`${verb} ${String(record.name ?? what)}?`}
        content={active ? deactivating : reactivating}
        confirm={verb}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

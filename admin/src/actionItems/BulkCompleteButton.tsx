import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Button, useDataProvider, useListContext, useNotify, useRefresh, useUnselectAll, type RaRecord } from 'react-admin';
import { useState } from 'react';
import { isConflict } from '../providers/errors';

/** Completes each selected action item (completeActionItem per row), and says which could not be. */
export function BulkCompleteButton() {
  const { selectedIds, data = [] } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('actionItems');
  const [busy, setBusy] = useState(false);

  const complete = async () => {
    setBusy(true);
    const selected = data.filter((record: RaRecord) => selectedIds.includes(record.id));
    const failures: string[] = [];
    for (const record of selected) {
      try {
        await dataProvider.update('actionItems', { id: record.id, data: {}, previousData: record, meta: { operation: 'complete' } });
      } catch (error) {
        failures.push(`${String(record.description).slice(0, 40)}: ${isConflict(error) ? 'changed by someone else, reload' : (error as Error).message}`);
      }
    }
    setBusy(false);
    unselectAll();
    refresh();
    const done = selected.length - failures.length;
    notify(failures.length ? `Completed ${done} of ${selected.length}. Not completed — ${failures.join('; ')}` : `Completed ${done} action item${done === 1 ? '' : 's'}`, {
      type: failures.length ? 'warning' : 'success',
      autoHideDuration: failures.length ? null : 4000,
    });
  };

  return <Button label="Mark completed" onClick={complete} disabled={busy}><DoneAllIcon /></Button>;
}

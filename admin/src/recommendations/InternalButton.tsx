import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useRecordContext } from 'react-admin';
import { RecordedSwitch } from '../common/RecordedSwitch';

/** For those who may publish its report: keep a recommendation off the report's public page, or show it there again. */
export function InternalButton() {
  const record = useRecordContext();
  if (!record?.report?.viewerCanPublish) return null;
  return (
    <RecordedSwitch
      resource="recommendations" operation="internal" on={record.isInternal === true}
      turnOn={{
        button: 'Mark internal', icon: <VisibilityOffIcon />, title: 'Keep it off the report’s public page?', done: 'Kept off the public page',
        explanation: 'Even when the report is public, its public page will leave this recommendation out.',
      }}
      turnOff={{
        button: 'Internal: show publicly', icon: <VisibilityIcon />, title: 'Show it on the report’s public page?', done: 'It may show on the public page',
        explanation: 'When the report is public, its public page will show this recommendation, its responses, status and verdict.',
      }}
      reason={{ source: 'comment', label: 'Why (kept in history; optional)' }}
    />
  );
}

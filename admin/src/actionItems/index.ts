import ActionIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ActionItemList')),
  edit: lazy(() => import('./ActionItemEdit')),
  // For those who may change no action: viewers.
  show: lazy(() => import('./ActionItemShow')),
  icon: ActionIcon,
  recordRepresentation: (record: { description?: string }) => record.description ?? '',
  options: { label: 'Action items' },
};

import ActionIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ActionItemList')),
  edit: lazy(() => import('./ActionItemEdit')),
  icon: ActionIcon,
  recordRepresentation: (record: { description?: string }) => record.description ?? '',
  options: { label: 'Action items' },
};

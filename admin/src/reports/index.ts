import ReportIcon from '@mui/icons-material/Description';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ReportList')),
  show: lazy(() => import('./ReportShow')),
  create: lazy(() => import('./ReportCreate')),
  edit: lazy(() => import('./ReportEdit')),
  icon: ReportIcon,
  recordRepresentation: (record: { title?: string }) => record.title ?? '',
  options: { label: 'Reports' },
};

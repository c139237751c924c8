import LabelIcon from '@mui/icons-material/Label';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ThemeList')),
  icon: LabelIcon,
  recordRepresentation: (record: { name?: string }) => record.name ?? '',
  options: { label: 'Themes' },
};

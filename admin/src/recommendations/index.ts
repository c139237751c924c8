import RecommendationIcon from '@mui/icons-material/Checklist';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./RecommendationList')),
  show: lazy(() => import('./RecommendationShow')),
  edit: lazy(() => import('./RecommendationEdit')),
  icon: RecommendationIcon,
  recordRepresentation: (record: { reference?: string; report?: { title?: string } }) => `${record.reference ?? ''} · ${record.report?.title ?? ''}`,
  options: { label: 'Recommendations' },
};

import EvidenceIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./EvidenceQueue')),
  icon: EvidenceIcon,
  recordRepresentation: (record: { summary?: string }) => record.summary ?? '',
  options: { label: 'Evidence' },
};

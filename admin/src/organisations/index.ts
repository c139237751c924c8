import OrganisationIcon from '@mui/icons-material/AccountTree';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OrganisationTree')),
  show: lazy(() => import('./OrganisationShow')),
  create: lazy(() => import('./OrganisationCreate')),
  edit: lazy(() => import('./OrganisationEdit')),
  icon: OrganisationIcon,
  recordRepresentation: (record: { name?: string }) => record.name ?? '',
  options: { label: 'Organisations' },
};

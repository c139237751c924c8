import ReportIcon from '@mui/icons-material/Description';
import { createElement, lazy } from 'react';
import { Route } from 'react-router-dom';

const FollowUpPack = lazy(() => import('./FollowUpPack'));

export default {
  list: lazy(() => import('./ReportList')),
  show: lazy(() => import('./ReportShow')),
  create: lazy(() => import('./ReportCreate')),
  edit: lazy(() => import('./ReportEdit')),
  /** A report's own pages beside its show page: the follow-up pack. */
  children: createElement(Route, { path: ':id/follow-up-pack', element: createElement(FollowUpPack) }),
  icon: ReportIcon,
  recordRepresentation: (record: { title?: string }) => record.title ?? '',
  options: { label: 'Reports' },
};

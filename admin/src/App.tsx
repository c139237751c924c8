import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import actionItems from './actionItems';
import evidence from './evidence';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { TrackerLayout } from './layout/TrackerLayout';
import organisations from './organisations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import recommendations from './recommendations';
import reports from './reports';
import themes from './themes';
import users from './users';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ApiTokens = lazy(() => import('./apiTokens/ApiTokens'));
const Explorer = lazy(() => import('./explorer/Explorer'));
const MyWork = lazy(() => import('./myWork/MyWork'));
const AccountPage = lazy(() => import('./account/AccountPage'));

export function App() {
  return (
    <Admin
      title="Recommendation tracker"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={TrackerLayout}
      loginPage={LoginPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="reports" {...reports} />
      <Resource name="recommendations" {...recommendations} />
      <Resource name="actionItems" {...actionItems} />
      <Resource name="evidence" {...evidence} />
      <Resource name="organisations" {...organisations} />
      <Resource name="users" {...users} />
      <Resource name="themes" {...themes} />
      <Resource name="assessments" />
      <Resource name="history" />
      <CustomRoutes>
        <Route path="/api-tokens" element={<ApiTokens />} />
        <Route path="/explorer" element={<Explorer />} />
        <Route path="/my-work" element={<MyWork />} />
        <Route path="/account" element={<AccountPage />} />
      </CustomRoutes>
    </Admin>
  );
}

import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { authProvider } from './auth/authProvider';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { Dashboard } from './dashboard/Dashboard';
import councilApplications from './council-applications';
import memberApplications from './member-applications';
import members from './members';
import invitations from './invitations';
import batches from './batches';
import users from './users';
import emails from './emails';
import auditEvents from './audit-events';
import schools from './schools';
import departments from './departments';
import { CouncilApplicationPrint } from './council-applications/CouncilApplicationPrint';
import { MemberApplicationPrint } from './member-applications/MemberApplicationPrint';
import { MyApplications } from './pages/MyApplications';
import { ProfilePage } from './pages/ProfilePage';
import { RegisterPage } from './pages/RegisterPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';

/**
 * The console. Hash router (react-admin's default), so that mailed links such as
 * `/#/verify-email?token=…` work when the API serves the build at '/'. Who sees which
 * resource is decided by authProvider.canAccess (auth/access.ts).
 */
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
  >
    <Resource name="council-applications" {...councilApplications} />
    <Resource name="member-applications" {...memberApplications} />
    <Resource name="members" {...members} />
    <Resource name="invitations" {...invitations} />
    <Resource name="batches" {...batches} />
    <Resource name="users" {...users} />
    <Resource name="emails" {...emails} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="schools" {...schools} />
    <Resource name="departments" {...departments} />
    <CustomRoutes noLayout>
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route path="/council-applications/:id/print" element={<CouncilApplicationPrint />} />
      <Route path="/member-applications/:id/print" element={<MemberApplicationPrint />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route
        path="/my-applications"
        element={
          <Authenticated>
            <MyApplications />
          </Authenticated>
        }
      />
      <Route path="/profile" element={<ProfilePage />} />
    </CustomRoutes>
  </Admin>
);

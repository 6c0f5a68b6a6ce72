import { lazy, Suspense } from 'react';
import { Box } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { homeFor, listModeFor } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { Loading } from '../common/states';
import { MyApplications } from '../pages/MyApplications';
import { ProfileCard } from '../pages/ProfilePage';

/** The charts load on demand (recharts is large; applicants never need it). */
const StatsDashboard = lazy(() => import('./StatsDashboard'));

/** The home page: applicants see their applications, invited experts their profile, staff the charts. */
export const Dashboard = () => {
  const roles = useRoles();
  const translate = useTranslate();
  if (homeFor(roles) === 'my-applications') return <MyApplications />;
  if (listModeFor(roles) === 'none') {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title={translate('ra.page.dashboard')} />
        <ProfileCard />
      </Box>
    );
  }
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Suspense fallback={<Loading />}>
        <StatsDashboard />
      </Suspense>
    </Box>
  );
};

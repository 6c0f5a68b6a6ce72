import { Box, Button, Card, CardContent, Stack, Typography, alpha } from '@mui/material';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useNavigate, useTranslate } from 'react-admin';
import { APPLICATION_RESOURCES } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { useCodeLabel } from '../common/fields';
import { listLink } from '../lib/filters';
import { normalizeWaiting, waitingStatesFor } from '../lib/stats';
import type { AllianceDataProvider } from '../data/dataProvider';
import { ErrorBox, Loading } from '../common/states';
import { CategoryChart, ProvinceChart, SchoolTypeChart, StateChart } from './StatsCharts';

/** '待我处理': how many applications wait for the user, with links to them. */
const WaitingCard = ({ waitingForMe }: { waitingForMe: unknown }) => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const roles = useRoles();
  const waiting = normalizeWaiting(waitingForMe);
  const states = waitingStatesFor(roles);
  const navigate = useNavigate();
  return (
    <Card variant="outlined" sx={{ bgcolor: (theme) => (waiting.total > 0 ? alpha(theme.palette.warning.main, 0.08) : undefined) }}>
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <InboxIcon color={waiting.total > 0 ? 'warning' : 'disabled'} sx={{ fontSize: 40 }} />
        <Box sx={{ flex: 1, minWidth: 200 }}>
          <Typography variant="subtitle1">{translate('app.dashboard.waiting')}</Typography>
          <Typography variant="h4" component="div">
            {waiting.total}
          </Typography>
          {states.length > 0 && (
            <Typography variant="caption" color="text.secondary">
              {translate('app.dashboard.waiting_states', { states: states.map((s) => label('state', s)).join('、') })}
            </Typography>
          )}
        </Box>
        {states.length > 0 && (
          <Stack direction="row" spacing={1}>
            {APPLICATION_RESOURCES.map((resource) => (
              <Button key={resource} onClick={() => navigate(listLink(resource, { state: states.length === 1 ? states[0] : states }))} variant="outlined" size="small">
                {translate(`resources.${resource}.name`, { smart_count: 2 })}
                {waiting.byKind[resource === 'council-applications' ? 'council' : 'member'] !== undefined
                  ? ` (${waiting.byKind[resource === 'council-applications' ? 'council' : 'member']})`
                  : ''}
              </Button>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/** Charts of GET /api/stats: counted over the applications the user may see. */
const StatsDashboard = () => {
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['stats'],
    queryFn: () => dataProvider.getStats().then((r) => r.data),
  });
  if (isPending) return <Loading />;
  if (error || !data) return <ErrorBox error={error} onRetry={() => refetch()} />;
  return (
    <Stack spacing={2}>
      <WaitingCard waitingForMe={data.waitingForMe} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        <StateChart stats={data} />
        <SchoolTypeChart stats={data} />
        <CategoryChart stats={data} />
        <ProvinceChart stats={data} />
      </Box>
    </Stack>
  );
};

export default StatsDashboard;

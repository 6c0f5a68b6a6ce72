import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Authenticated, Title, useGetOne, useTranslate } from 'react-admin';
import type { SessionUser } from '../auth/session';
import { getUser, saveUser } from '../auth/session';
import { httpClient, API_BASE } from '../data/http';
import { useCodeLabel } from '../common/fields';
import { ErrorBox, Loading } from '../common/states';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 2, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
    <Typography variant="body2" color="text.secondary" sx={{ width: 120, flexShrink: 0 }}>
      {label}
    </Typography>
    <Box sx={{ flex: 1 }}>{children}</Box>
  </Box>
);

const SchoolName = ({ id }: { id: number }) => {
  const { data } = useGetOne('schools', { id });
  return <Typography variant="body2">{data?.name ? String(data.name) : `#${id}`}</Typography>;
};

/** The signed-in user as GET /api/auth/me returns it (experts see their own profile here). */
export const ProfileCard = () => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['auth', 'me'],
    queryFn: async () => {
      const { json } = await httpClient(`${API_BASE}/auth/me`);
      saveUser(json as SessionUser);
      return json as SessionUser;
    },
    placeholderData: getUser() ?? undefined,
  });
  if (isPending && !data) return <Loading />;
  if (error && !data) return <ErrorBox error={error} onRetry={() => refetch()} />;
  if (!data) return null;
  return (
    <Card variant="outlined" sx={{ maxWidth: 720 }}>
      <CardHeader title={data.name || data.email} subheader={translate('app.profile.title')} />
      <CardContent>
        <Row label={translate('resources.users.fields.email')}>
          <Typography variant="body2">{data.email}</Typography>
        </Row>
        <Row label={translate('resources.users.fields.roles')}>
          <Stack direction="row" spacing={0.5}>
            {(data.roles ?? []).map((r) => (
              <Chip key={r} size="small" label={label('role', r)} />
            ))}
          </Stack>
        </Row>
        {data.schoolId ? (
          <Row label={translate('resources.users.fields.schoolId')}>
            <SchoolName id={data.schoolId} />
          </Row>
        ) : null}
        {(data.roles ?? []).includes('expert') && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('app.profile.expert_hint')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

export const ProfilePage = () => {
  const translate = useTranslate();
  return (
    <Authenticated>
      <Box sx={{ mt: 2 }}>
        <Title title={translate('app.menu.profile')} />
        <ProfileCard />
      </Box>
    </Authenticated>
  );
};

import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Form, PasswordInput, TextInput, useLocation, useLogin, useNavigate, useTranslate } from 'react-admin';
import { errorMessage } from '../data/http';
import { useCodeLabel } from '../common/fields';
import { Loading } from '../common/states';
import { password, present, sameAs } from '../lib/validation';
import { PublicLayout, queryParam } from './PublicLayout';
import { publicJson } from './publicApi';

interface InvitationInfo {
  email: string;
  name?: string | null;
  role?: string | null;
  duty?: string | null;
  message?: string | null;
  expiresAt?: string | null;
}

/**
 * /accept-invitation?token=…: who is invited (GET /api/invitations/by-token/:token), then a
 * password and name to create the account (POST /api/invitations/accept), then sign in.
 */
export const AcceptInvitationPage = () => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const login = useLogin();
  const { search } = useLocation();
  const token = queryParam(search, 'token');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => publicJson<InvitationInfo>(`invitations/by-token/${encodeURIComponent(token!)}`, { signal }),
    enabled: !!token,
    retry: false,
  });

  const submit = async (values: Record<string, unknown>) => {
    if (!token || !invitation.data) return;
    setBusy(true);
    setError(null);
    try {
      await publicJson('invitations/accept', {
        method: 'POST',
        body: { token, password: values.password, name: String(values.name ?? '').trim() || undefined },
      });
      setAccepted(true);
      try {
        await login({ email: invitation.data.email, password: values.password }, '/');
      } catch {
        // the account exists; signing in by hand still works
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (!token) body = <Alert severity="error">{translate('app.invitation.no_token')}</Alert>;
  else if (invitation.isPending) body = <Loading />;
  else if (invitation.error || !invitation.data)
    body = (
      <Alert severity="error">
        <AlertTitle>{translate('app.invitation.invalid')}</AlertTitle>
        {errorMessage(invitation.error)}
      </Alert>
    );
  else if (accepted)
    body = (
      <Alert
        severity="success"
        action={
          <Button color="inherit" size="small" onClick={() => navigate('/login')}>
            {translate('ra.auth.sign_in')}
          </Button>
        }
      >
        {translate('app.invitation.accepted')}
      </Alert>
    );
  else {
    const info = invitation.data;
    body = (
      <>
        <Box sx={{ mb: 2 }}>
          <Typography variant="body1">
            {translate('app.invitation.intro', {
              email: info.email,
              role: label('role', info.role),
              duty: info.duty ? `（${label('expert_duty', info.duty)}）` : '',
            })}
          </Typography>
          {info.message && (
            <Typography variant="body2" sx={{ mt: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}>
              {info.message}
            </Typography>
          )}
        </Box>
        <Form onSubmit={submit} defaultValues={{ name: info.name ?? '' }}>
          <TextInput source="name" label="app.register.name" validate={present} />
          <PasswordInput source="password" label="resources.users.fields.password" autoComplete="new-password" validate={[present, password]} />
          <PasswordInput source="confirm" label="app.register.confirm" autoComplete="new-password" validate={[present, sameAs('password')]} />
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth disabled={busy} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {translate('app.invitation.accept')}
          </Button>
        </Form>
      </>
    );
  }
  return <PublicLayout title="app.invitation.title">{body}</PublicLayout>;
};

import { useEffect, useRef, useState } from 'react';
import { Alert, AlertTitle, Button } from '@mui/material';
import { useLocation, useNavigate, useTranslate } from 'react-admin';
import { errorMessage } from '../data/http';
import { Loading } from '../common/states';
import { PublicLayout, queryParam } from './PublicLayout';
import { publicJson } from './publicApi';

/** /verify-email?token=…: the link of the verification mail (POST /api/auth/verify-email). */
export const VerifyEmailPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { search } = useLocation();
  const token = queryParam(search, 'token');
  const [state, setState] = useState<{ status: 'pending' | 'ok' | 'error'; message?: string }>({ status: 'pending' });
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token) {
      setState({ status: 'error', message: translate('app.verify.no_token') });
      return;
    }
    if (sent.current === token) return; // a token works once: never post it twice
    sent.current = token;
    publicJson('auth/verify-email', { method: 'POST', body: { token } })
      .then(() => setState({ status: 'ok' }))
      .catch((e) => setState({ status: 'error', message: errorMessage(e) }));
  }, [token, translate]);

  return (
    <PublicLayout title="app.verify.title">
      {state.status === 'pending' && <Loading label="app.verify.checking" />}
      {state.status === 'ok' && (
        <Alert
          severity="success"
          action={
            <Button color="inherit" size="small" onClick={() => navigate('/login')}>
              {translate('ra.auth.sign_in')}
            </Button>
          }
        >
          <AlertTitle>{translate('app.verify.ok_title')}</AlertTitle>
          {translate('app.verify.ok')}
        </Alert>
      )}
      {state.status === 'error' && (
        <Alert severity="error">
          <AlertTitle>{translate('app.verify.error_title')}</AlertTitle>
          {state.message}
        </Alert>
      )}
    </PublicLayout>
  );
};

import { useState } from 'react';
import {
  Alert, Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField,
} from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import {
  Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate,
} from 'react-admin';
import type { AllianceDataProvider } from '../data/dataProvider';
import { errorMessage } from '../data/http';
import { useRecordTitle } from './TransitionButtons';

/** The lead grants a quota exception with a reason (POST /api/<resource>/:id/quota-exception). */
export const QuotaExceptionButton = () => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const { canAccess } = useCanAccess({ resource, action: 'quota_exception', record });
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const title = useRecordTitle();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // a finished application needs no exception (the API answers 409)
  if (!record || !canAccess || !record.quota || ['admitted', 'rejected', 'withdrawn'].includes(String(record.state))) return null;
  const existing = (record.quota as { exception?: { reason?: string } | null }).exception;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.quotaException(resource, record.id, reason.trim());
      notify('app.quota.granted', { type: 'success', messageArgs: { title } });
      setOpen(false);
      refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label={existing ? 'app.quota.change_exception' : 'app.quota.grant_exception'}
        onClick={() => {
          setReason(existing?.reason ?? '');
          setError(null);
          setOpen(true);
        }}
      >
        <GavelIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.quota.grant_exception')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.quota.exception_help', { title })}</DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            required
            label={translate('app.quota.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            disabled={busy}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={confirm}
            disabled={busy || reason.trim() === ''}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

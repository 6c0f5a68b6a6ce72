import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import {
  Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { AllianceDataProvider } from '../data/dataProvider';
import { errorMessage } from '../data/http';

/** Queue a logged mail again (POST /api/emails/:id/resend): confirmation, no undo. */
export const ResendEmailButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'emails', action: 'resend', record });
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await dataProvider.resendEmail(record.id);
      notify('app.emails.resent', { type: 'success', messageArgs: { to: record.toEmail } });
      refresh();
    } catch (e) {
      notify(errorMessage(e), { type: 'error', messageArgs: { _: errorMessage(e) } });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label="app.emails.resend"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <SendIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.emails.resend"
        content={translate('app.emails.resend_confirm', { to: record.toEmail, subject: record.subject })}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import CancelIcon from '@mui/icons-material/Cancel';
import {
  Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { AllianceDataProvider } from '../data/dataProvider';
import { errorMessage } from '../data/http';

/**
 * Resend or revoke a pending invitation (lead). Both send or cancel a mail: a confirmation
 * first, then the request, no undo.
 */
const InvitationActionButton = ({ action }: { action: 'resend' | 'revoke' }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'invitations', action, record });
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || record.state !== 'pending') return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await dataProvider.invitationAction(record.id, action);
      notify(`app.invitations.${action}_done`, { type: 'success', messageArgs: { email: record.email } });
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
        label={`app.invitations.${action}`}
        color={action === 'revoke' ? 'error' : 'primary'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {action === 'revoke' ? <CancelIcon /> : <SendIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`app.invitations.${action}`}
        content={translate(`app.invitations.${action}_confirm`, { email: record.email, name: record.name })}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const ResendInvitationButton = () => <InvitationActionButton action="resend" />;
export const RevokeInvitationButton = () => <InvitationActionButton action="revoke" />;

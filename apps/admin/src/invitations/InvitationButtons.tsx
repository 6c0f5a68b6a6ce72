import SendIcon from '@mui/icons-material/Send';
import CancelIcon from '@mui/icons-material/Cancel';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedActionButton } from '../common/ConfirmedActionButton';
import type { AllianceDataProvider } from '../data/dataProvider';

/**
 * Resend or revoke a pending invitation (lead). Both send or cancel a mail: a confirmation
 * first, then the request, no undo.
 */
const InvitationActionButton = ({ action }: { action: 'resend' | 'revoke' }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'invitations', action, record });
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const translate = useTranslate();
  if (!record || !canAccess || record.state !== 'pending') return null;
  return (
    <ConfirmedActionButton
      label={`app.invitations.${action}`}
      icon={action === 'revoke' ? <CancelIcon /> : <SendIcon />}
      color={action === 'revoke' ? 'error' : 'primary'}
      title={`app.invitations.${action}`}
      content={translate(`app.invitations.${action}_confirm`, { email: record.email, name: record.name })}
      run={() => dataProvider.invitationAction(record.id, action)}
      done={[`app.invitations.${action}_done`, { email: record.email }]}
    />
  );
};

export const ResendInvitationButton = () => <InvitationActionButton action="resend" />;
export const RevokeInvitationButton = () => <InvitationActionButton action="revoke" />;

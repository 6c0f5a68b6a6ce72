import SendIcon from '@mui/icons-material/Send';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedActionButton } from '../common/ConfirmedActionButton';
import type { AllianceDataProvider } from '../data/dataProvider';

/** Queue a logged mail again (POST /api/emails/:id/resend): confirmation, no undo. */
export const ResendEmailButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'emails', action: 'resend', record });
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const translate = useTranslate();
  if (!record || !canAccess) return null;
  return (
    <ConfirmedActionButton
      label="app.emails.resend"
      icon={<SendIcon />}
      title="app.emails.resend"
      content={translate('app.emails.resend_confirm', { to: record.toEmail, subject: record.subject })}
      run={() => dataProvider.resendEmail(record.id)}
      done={['app.emails.resent', { to: record.toEmail }]}
    />
  );
};

import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ACTION } from '@alliance/domain';
import { useCodeLabel } from '../common/fields';

/** The audited action; workflow transitions (`transition.<action>`) are named by their label. */
export const AuditActionField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  const action = String(record?.action ?? '');
  const m = /^transition\.(\w+)$/.exec(action);
  const text = m && m[1] in ACTION ? translate('app.audit.transition', { action: label('action', m[1]) }) : action;
  return (
    <Typography component="span" variant="body2" title={action}>
      {text}
    </Typography>
  );
};

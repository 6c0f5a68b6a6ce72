import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isEditable, type ApplicationState } from '@alliance/domain';
import { StateChip, useCodeLabel } from '../common/fields';
import { formatShanghai } from '../lib/time';
import { FindingsPanel } from './FindingsPanel';
import { QuotaPanel } from './QuotaPanel';

/** The reviewer's comment when an application was returned or rejected (`lastComment`). */
export const LastCommentAlert = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.lastComment || !['returned', 'rejected'].includes(String(record.state))) return null;
  return (
    <Alert severity={record.state === 'rejected' ? 'error' : 'warning'} sx={{ mb: 1 }}>
      <AlertTitle>{translate(record.state === 'rejected' ? 'app.comment.rejected' : 'app.comment.returned')}</AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {String(record.lastComment)}
      </Typography>
    </Alert>
  );
};

/**
 * What a reader needs before the form: state, batch and dates, the returned comment, the
 * eligibility findings and the quota use.
 */
export const ApplicationHeader = ({ audience }: { audience: 'applicant' | 'reviewer' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  if (!record) return null;
  const state = record.state as ApplicationState;
  return (
    <Box sx={{ mb: 1 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <StateChip state={state} size="medium" />
        <Typography variant="body2" color="text.secondary">
          {label('application_kind', record.kind)} · #{record.id}
        </Typography>
        {record.submittedAt && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.header.submitted_at', { at: formatShanghai(record.submittedAt) })}
          </Typography>
        )}
        {record.updatedAt && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.header.updated_at', { at: formatShanghai(record.updatedAt) })}
          </Typography>
        )}
      </Stack>
      {audience === 'applicant' && isEditable(state) && (
        <Alert severity="info" variant="outlined" sx={{ mb: 1 }}>
          {translate('app.header.editable_hint')}
        </Alert>
      )}
      <LastCommentAlert />
      <FindingsPanel audience={audience} />
      <QuotaPanel />
    </Box>
  );
};

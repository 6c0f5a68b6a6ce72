import { Alert, Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatShanghai } from '../lib/time';
import { useCodeLabel } from '../common/fields';

interface QuotaException {
  reason: string;
  grantedBy?: unknown;
  at?: string;
}
interface Quota {
  departmentsHeld?: number;
  departmentsLimit?: number;
  seat?: string;
  seatsHeld?: number;
  seatsLimit?: number;
  exception?: QuotaException | null;
}

/** A person as the API may give it: a name, an id, or `{ name, email }`. */
export const personName = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { name?: string; email?: string; id?: unknown };
    return v.name ?? v.email ?? String(v.id ?? '');
  }
  return typeof value === 'number' ? `#${value}` : String(value);
};

const Meter = ({ label, held, limit }: { label: string; held: number; limit: number }) => {
  const over = held > limit;
  return (
    <Box sx={{ minWidth: 220, flex: 1 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2" color={over ? 'error.main' : 'text.secondary'} sx={{ fontWeight: 600 }}>
          {held} / {limit}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        color={over ? 'error' : held === limit ? 'warning' : 'primary'}
        value={limit > 0 ? Math.min(100, (held / limit) * 100) : 0}
      />
    </Box>
  );
};

/**
 * Quota use of the school (council: departments held in the batch) or of the department
 * (member: seats of this kind held), with the lead's exception when one was granted.
 */
export const QuotaPanel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  const quota = record?.quota as Quota | undefined;
  if (!quota) return null;
  const department = record?.department as { name?: string } | undefined;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1 }}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.quota.title')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {quota.departmentsLimit !== undefined && (
          <Meter
            label={translate('app.quota.departments', { school: (record?.school as { name?: string })?.name ?? '' })}
            held={Number(quota.departmentsHeld ?? 0)}
            limit={Number(quota.departmentsLimit)}
          />
        )}
        {quota.seatsLimit !== undefined && (
          <Meter
            label={translate('app.quota.seats', { department: department?.name ?? '', seat: label('seat', quota.seat) })}
            held={Number(quota.seatsHeld ?? 0)}
            limit={Number(quota.seatsLimit)}
          />
        )}
      </Stack>
      {quota.exception && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.quota.exception', {
            reason: quota.exception.reason,
            at: formatShanghai(quota.exception.at),
            by: personName(quota.exception.grantedBy),
          })}
        </Alert>
      )}
    </Paper>
  );
};

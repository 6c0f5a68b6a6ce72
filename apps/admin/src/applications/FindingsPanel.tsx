import { Alert, AlertTitle, Box, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { hasBlocking, type Finding } from '@alliance/domain';
import { useCodeLabel } from '../common/fields';

const asFindings = (value: unknown): Finding[] => (Array.isArray(value) ? (value as Finding[]) : []);

/**
 * The eligibility findings of an application: `block` ones stop a submit, `warn` ones are shown
 * to reviewers. `audience` changes the wording of the all-clear message.
 */
export const FindingsPanel = ({
  findings,
  audience = 'reviewer',
}: {
  findings?: Finding[];
  audience?: 'applicant' | 'reviewer';
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  const list = findings ?? asFindings(record?.findings);
  const blocks = list.filter((f) => f.level === 'block');
  const warns = list.filter((f) => f.level !== 'block');

  if (!record && !findings) return null;
  if (list.length === 0) {
    return (
      <Alert severity="success" variant="outlined" sx={{ mb: 1 }}>
        {translate(audience === 'applicant' ? 'app.findings.none_applicant' : 'app.findings.none')}
      </Alert>
    );
  }
  const row = (f: Finding, i: number) => (
    <Box component="li" key={`${f.rule}-${i}`} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', mb: 0.5 }}>
      <Chip size="small" variant="outlined" label={label('rule', f.rule)} />
      <Typography variant="body2" component="span">
        {f.message}
      </Typography>
    </Box>
  );
  return (
    <Stack spacing={1} sx={{ mb: 1 }}>
      {blocks.length > 0 && (
        <Alert severity="error">
          <AlertTitle>
            {translate(audience === 'applicant' ? 'app.findings.blocking_applicant' : 'app.findings.blocking', {
              smart_count: blocks.length,
            })}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
            {blocks.map(row)}
          </Box>
        </Alert>
      )}
      {warns.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>{translate('app.findings.warnings', { smart_count: warns.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
            {warns.map(row)}
          </Box>
        </Alert>
      )}
    </Stack>
  );
};

/** A compact column for lists: counts of blocking and warning findings. */
export const FindingsSummaryField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const list = asFindings(record?.findings);
  if (list.length === 0) return <Typography variant="body2" color="success.main">✓</Typography>;
  const blocks = list.filter((f) => f.level === 'block').length;
  const warns = list.length - blocks;
  return (
    <Stack direction="row" spacing={0.5}>
      {blocks > 0 && <Chip size="small" color="error" label={translate('app.findings.block_count', { count: blocks })} />}
      {warns > 0 && <Chip size="small" color="warning" label={translate('app.findings.warn_count', { count: warns })} />}
    </Stack>
  );
};

export const recordBlocks = (record: object | undefined | null): boolean =>
  hasBlocking(asFindings((record as { findings?: unknown } | undefined | null)?.findings));

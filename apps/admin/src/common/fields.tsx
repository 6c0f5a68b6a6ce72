import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationState } from '@alliance/domain';
import { codeKey, type CodeTableName } from '../i18n/codes';
import { getPath, isBlank } from '../lib/object';
import { formatShanghai } from '../lib/time';

/** Translates one code of a domain code table. */
export function useCodeLabel() {
  const translate = useTranslate();
  return (table: CodeTableName, code: unknown): string =>
    code === null || code === undefined || code === '' ? '' : translate(codeKey(table, String(code)), { _: String(code) });
}

interface SourceProps {
  source: string;
  label?: string;
  /** Only used by DataTable/SimpleShowLayout to build the header. */
  sortable?: boolean;
}

const Empty = () => (
  <Typography component="span" variant="body2" color="text.disabled">
    —
  </Typography>
);

/** An instant in Asia/Shanghai time. */
export const ShanghaiDateField = ({ source, showTime = true }: SourceProps & { showTime?: boolean }) => {
  const record = useRecordContext();
  const text = formatShanghai(getPath(record, source), showTime);
  return text ? (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  ) : (
    <Empty />
  );
};

/** The label of a code (school type, seat, …). */
export const CodeField = ({ source, table }: SourceProps & { table: CodeTableName }) => {
  const record = useRecordContext();
  const label = useCodeLabel();
  const value = getPath(record, source);
  return isBlank(value) ? (
    <Empty />
  ) : (
    <Typography component="span" variant="body2">
      {label(table, value)}
    </Typography>
  );
};

/** The labels of an array of codes, as small chips. */
export const CodeArrayField = ({ source, table }: SourceProps & { table: CodeTableName }) => {
  const record = useRecordContext();
  const label = useCodeLabel();
  const value = getPath(record, source);
  if (!Array.isArray(value) || value.length === 0) return <Empty />;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((code) => (
        <Chip key={String(code)} size="small" label={label(table, code)} />
      ))}
    </Stack>
  );
};

const STATE_COLOR: Record<ApplicationState, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  school_approved: 'primary',
  center_reviewed: 'secondary',
  admitted: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};

export const StateChip = ({ state, size = 'small' }: { state: string | undefined; size?: ChipProps['size'] }) => {
  const label = useCodeLabel();
  if (!state) return <Empty />;
  return (
    <Chip
      size={size}
      color={STATE_COLOR[state as ApplicationState] ?? 'default'}
      variant={state === 'draft' || state === 'withdrawn' ? 'outlined' : 'filled'}
      label={label('state', state)}
    />
  );
};

/** The workflow state of the record as a coloured chip. */
export const StateField = ({ source = 'state' }: Partial<SourceProps>) => {
  const record = useRecordContext();
  return <StateChip state={getPath(record, source) as string | undefined} />;
};

/** Plain text, multi-line text kept as written. */
export const MultilineField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  const value = getPath(record, source);
  return isBlank(value) ? (
    <Empty />
  ) : (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {String(value)}
    </Typography>
  );
};

/** `42.5 %`. */
export const PercentField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  const value = getPath(record, source);
  return isBlank(value) ? <Empty /> : <Typography component="span" variant="body2">{`${value} %`}</Typography>;
};

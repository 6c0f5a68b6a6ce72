import { useEffect, type ReactNode } from 'react';
import { Box, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  DeleteButton, ReferenceInput, SaveButton, SelectInput, Toolbar, useGetList, useGetOne, useRecordContext, useTranslate,
  type RaRecord,
} from 'react-admin';
import { getUser } from '../auth/session';
import { useCodeLabel } from '../common/fields';
import { formatShanghai } from '../lib/time';

/** A titled section of a paper form; inputs laid out in a grid (two columns on wide screens). */
export const FormSection = ({
  title,
  subtitle,
  columns = 2,
  children,
}: {
  title: string;
  subtitle?: string;
  columns?: 1 | 2 | 3 | 4;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%', mb: 1 }}>
      <Typography variant="h6" sx={{ fontSize: '1.05rem', mt: 1 }}>
        {translate(title)}
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="text.secondary">
          {translate(subtitle)}
        </Typography>
      )}
      <Divider sx={{ mb: 1.5, mt: 0.5 }} />
      <Box
        sx={{
          display: 'grid',
          columnGap: 2,
          gridTemplateColumns: { xs: '1fr', md: `repeat(${columns}, minmax(0, 1fr))` },
          alignItems: 'start',
        }}
      >
        {children}
      </Box>
    </Box>
  );
};

/**
 * Save the draft; delete it while it was never submitted (canAccess decides; afterwards the
 * owner withdraws instead). Both wait for the server.
 */
export const DraftToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton label="app.form.save_draft" />
    <DeleteButton mutationMode="pessimistic" redirect="list" />
  </Toolbar>
);

/** Spans every column of a FormSection grid. */
export const Wide = ({ children }: { children: ReactNode }) => <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;

const isOpen = (b: RaRecord, now = Date.now()) =>
  (!b.opensAt || new Date(b.opensAt).getTime() <= now) && (!b.deadline || new Date(b.deadline).getTime() >= now);

/**
 * The batch of the application; a new one defaults to the batch open now. Read-only once saved
 * (read-only, not disabled: a disabled input would drop batchId from the PUT).
 */
export const BatchInput = ({ readOnly }: { readOnly?: boolean }) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const batchId = useWatch({ name: 'batchId' });
  const { data } = useGetList('batches', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'DESC' } });
  useEffect(() => {
    if (batchId || !data?.length) return;
    const open = data.find((b) => isOpen(b));
    if (open) setValue('batchId', open.id, { shouldDirty: true });
  }, [batchId, data, setValue]);
  return (
    <ReferenceInput source="batchId" reference="batches" sort={{ field: 'id', order: 'DESC' }}>
      <SelectInput
        optionText={(b: RaRecord) =>
          `${b.name}${b.deadline ? translate('app.form.batch_deadline', { deadline: formatShanghai(b.deadline) }) : ''}`
        }
        readOnly={readOnly}
        helperText={false}
      />
    </ReferenceInput>
  );
};

/**
 * The applicant's school, read-only: it was set at registration (a school's details are not
 * part of the application payload).
 */
export const SchoolSummary = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  const schoolId = (record?.schoolId as number | undefined) ?? getUser()?.schoolId ?? undefined;
  const { data: fetched } = useGetOne('schools', { id: schoolId! }, { enabled: !record?.school && !!schoolId });
  const school = (record?.school as RaRecord | undefined) ?? fetched;
  if (!school) return null;
  const honors = Array.isArray(school.honors) ? (school.honors as string[]) : [];
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5, width: '100%' }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {String(school.name ?? '')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5, alignItems: 'center' }}>
        {school.type && <Chip size="small" label={label('school_type', school.type)} />}
        {school.ownership && <Chip size="small" variant="outlined" label={label('ownership', school.ownership)} />}
        {school.province && <Chip size="small" variant="outlined" label={String(school.province)} />}
        {honors.map((h) => (
          <Chip key={h} size="small" color="primary" variant="outlined" label={h === 'other' && school.honorsOther ? String(school.honorsOther) : label('school_honor', h)} />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.form.school_fixed')}
      </Typography>
    </Paper>
  );
};

/** The schoolId of a new application: the applicant's own school. */
export const ownSchoolId = (): number | undefined => getUser()?.schoolId ?? undefined;

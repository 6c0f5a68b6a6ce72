import { Box, Chip, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CodeArrayField, CodeField, PercentField, ShanghaiDateField } from '../common/fields';
import { Item, TextItem, ViewSection } from '../applications/viewParts';
import { useCodeLabel } from '../common/fields';

const F = (field: string) => `resources.council-applications.fields.${field}`;

interface Department {
  id?: number;
  name?: string;
  category?: string;
  establishedOn?: string;
  majorSharePct?: number;
  avgEnrollment3y?: number;
  headName?: string;
  headPosition?: string;
  strongMajors?: string[];
}

const DepartmentTable = ({ department, index }: { department: Department; index: number }) => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const row = (field: string, value: unknown, field2?: string, value2?: unknown) => (
    <TableRow>
      <TableCell component="th" sx={{ width: '18%', color: 'text.secondary' }}>
        {translate(F(field))}
      </TableCell>
      <TableCell sx={{ width: '32%' }}>{value === undefined || value === null || value === '' ? '—' : String(value)}</TableCell>
      {field2 && (
        <>
          <TableCell component="th" sx={{ width: '18%', color: 'text.secondary' }}>
            {translate(F(field2))}
          </TableCell>
          <TableCell>{value2 === undefined || value2 === null || value2 === '' ? '—' : String(value2)}</TableCell>
        </>
      )}
    </TableRow>
  );
  return (
    <Paper variant="outlined" sx={{ mb: 1 }}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1 }}>
        {translate('app.council.department_n', { n: index + 1 })}
      </Typography>
      <Table size="small">
        <TableBody>
          {row('departments.name', department.name, 'departments.category', label('department_category', department.category))}
          {row('departments.establishedOn', department.establishedOn, 'departments.majorSharePct',
            department.majorSharePct === undefined || department.majorSharePct === null ? '' : `${department.majorSharePct} %`)}
          {row('departments.avgEnrollment3y', department.avgEnrollment3y, 'departments.headName',
            [department.headName, department.headPosition].filter(Boolean).join(' · '))}
          <TableRow>
            <TableCell component="th" sx={{ color: 'text.secondary' }}>
              {translate(F('departments.strongMajors'))}
            </TableCell>
            <TableCell colSpan={3}>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {(department.strongMajors ?? []).map((m, i) => (
                  <Chip key={`${m}-${i}`} size="small" label={`${i + 1}. ${m}`} />
                ))}
                {(department.strongMajors ?? []).length === 0 && '—'}
              </Stack>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Paper>
  );
};

/** Every field of 附件1, read-only, in the paper form's sections. */
export const CouncilApplicationView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const departments = (Array.isArray(record.departments) ? record.departments : []) as Department[];
  return (
    <Box sx={{ width: '100%' }}>
      <ViewSection title="app.council.section.school" columns={3}>
        <Item source="school.name" />
        <Item source="school.type">
          <CodeField source="school.type" table="school_type" />
        </Item>
        <Item source="school.ownership">
          <CodeField source="school.ownership" table="ownership" />
        </Item>
        <Item source="school.honors">
          <CodeArrayField source="school.honors" table="school_honor" />
        </Item>
        <Item source="school.honorsOther" />
        <Item source="school.province" />
        <Item source="batchId">
          <ReferenceField source="batchId" reference="batches" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </Item>
        <Item source="equipmentMajorShare5yPct">
          <PercentField source="equipmentMajorShare5yPct" />
        </Item>
        <Item source="submittedAt">
          <ShanghaiDateField source="submittedAt" />
        </Item>
      </ViewSection>
      <ViewSection title="app.council.section.representative" columns={4}>
        <Item source="representative.name" />
        <Item source="representative.position" />
        <Item source="representative.phone" />
        <Item source="representative.email" />
      </ViewSection>
      <ViewSection title="app.council.section.contact" columns={4}>
        <Item source="contact.name" />
        <Item source="contact.position" />
        <Item source="contact.phone" />
        <Item source="contact.email" />
      </ViewSection>
      <ViewSection title="app.council.section.departments" columns={1}>
        {departments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.council.no_departments')}
          </Typography>
        ) : (
          departments.map((d, i) => <DepartmentTable key={d.id ?? i} department={d} index={i} />)
        )}
      </ViewSection>
      <ViewSection title="app.council.section.opinion" columns={3}>
        <Item source="schoolOpinion.recommendedRepresentative" />
        <Item source="schoolOpinion.signer" />
        <Item source="schoolOpinion.date" />
      </ViewSection>
      <ViewSection title="app.council.section.suggestions" columns={1}>
        <TextItem source="suggestions" bare />
      </ViewSection>
    </Box>
  );
};

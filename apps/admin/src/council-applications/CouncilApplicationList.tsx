import { Chip, Stack } from '@mui/material';
import { DataTable, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { listModeFor } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { CodeField, ShanghaiDateField, StateField } from '../common/fields';
import { ApplicationList } from '../applications/ApplicationList';
import { FindingsSummaryField } from '../applications/FindingsPanel';
import {
  CouncilApplicationFilterSidebar, councilApplicationFilters, councilApplicationQueueFilters,
} from './CouncilApplicationFilters';

const DepartmentsField = () => {
  const record = useRecordContext();
  const departments = (Array.isArray(record?.departments) ? record.departments : []) as { name?: string }[];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {departments.map((d, i) => (
        <Chip key={i} size="small" variant="outlined" label={d.name || '—'} />
      ))}
    </Stack>
  );
};

export const CouncilApplicationList = () => {
  const mode = listModeFor(useRoles());
  return (
    <ApplicationList
      resource="council-applications"
      filters={councilApplicationFilters}
      aside={<CouncilApplicationFilterSidebar />}
      schoolQueueFilters={councilApplicationQueueFilters}
    >
      <DataTable.Col source="id" />
      {mode !== 'applicant' && <DataTable.Col source="school.name" disableSort />}
      {mode !== 'applicant' && (
        <DataTable.Col source="school.type" disableSort>
          <CodeField source="school.type" table="school_type" />
        </DataTable.Col>
      )}
      {(mode === 'review' || mode === 'readonly') && <DataTable.Col source="school.province" disableSort />}
      <DataTable.Col source="departments" disableSort>
        <DepartmentsField />
      </DataTable.Col>
      <DataTable.Col source="batchId" disableSort>
        <ReferenceField source="batchId" reference="batches" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="state">
        <StateField />
      </DataTable.Col>
      <DataTable.Col source="findings" disableSort>
        <FindingsSummaryField />
      </DataTable.Col>
      <DataTable.Col source={mode === 'applicant' ? 'updatedAt' : 'submittedAt'}>
        <ShanghaiDateField source={mode === 'applicant' ? 'updatedAt' : 'submittedAt'} />
      </DataTable.Col>
    </ApplicationList>
  );
};

import { Chip, Stack } from '@mui/material';
import {
  ColumnsButton, DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { CodeArrayField, CodeField, ShanghaiDateField } from '../common/fields';
import { ExportButtons } from '../common/ExportButtons';
import { ListError } from '../common/states';
import { MemberFilterSidebar, memberFilters } from './MemberFilters';

const NamesField = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const names = (Array.isArray(record?.[source]) ? record[source] : []) as string[];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {names.map((n, i) => (
        <Chip key={i} size="small" variant="outlined" label={n} />
      ))}
    </Stack>
  );
};

const MemberListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <ExportButtons />
  </TopToolbar>
);

/** 成员名录: admitted council units, individual members and accepted experts; read-only, exportable. */
export const MemberList = () => (
  <List
    filters={memberFilters}
    aside={<MemberFilterSidebar />}
    actions={<MemberListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
    error={<ListError />}
  >
    <DataTable rowClick="show" bulkActionButtons={false} size="small" hiddenColumns={['mobile', 'email', 'position']}>
      <DataTable.Col source="kind">
        <CodeField source="kind" table="roster_kind" />
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.Col source="organization" />
      <DataTable.Col source="schoolType">
        <CodeField source="schoolType" table="school_type" />
      </DataTable.Col>
      <DataTable.Col source="schoolHonors" disableSort>
        <CodeArrayField source="schoolHonors" table="school_honor" />
      </DataTable.Col>
      <DataTable.Col source="province" />
      <DataTable.Col source="departmentNames" disableSort>
        <NamesField source="departmentNames" />
      </DataTable.Col>
      <DataTable.Col source="seat" disableSort>
        <CodeField source="seat" table="seat" />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="position" disableSort />
      <DataTable.Col source="mobile" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="batchId">
        <ReferenceField source="batchId" reference="batches" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="admittedAt">
        <ShanghaiDateField source="admittedAt" showTime={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

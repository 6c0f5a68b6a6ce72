import { DataTable, ReferenceField, TextField } from 'react-admin';
import { listModeFor } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { CodeField, ShanghaiDateField, StateField } from '../common/fields';
import { ApplicationList } from '../applications/ApplicationList';
import { FindingsSummaryField } from '../applications/FindingsPanel';
import {
  MemberApplicationFilterSidebar, memberApplicationFilters, memberApplicationQueueFilters,
} from './MemberApplicationFilters';

export const MemberApplicationList = () => {
  const mode = listModeFor(useRoles());
  return (
    <ApplicationList
      resource="member-applications"
      filters={memberApplicationFilters}
      aside={<MemberApplicationFilterSidebar />}
      schoolQueueFilters={memberApplicationQueueFilters}
    >
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      {mode !== 'applicant' && <DataTable.Col source="school.name" disableSort />}
      <DataTable.Col source="department.name" disableSort />
      <DataTable.Col source="seat" disableSort>
        <CodeField source="seat" table="seat" />
      </DataTable.Col>
      {mode !== 'applicant' && (
        <DataTable.Col source="targetGroup" disableSort>
          <CodeField source="targetGroup" table="target_group" />
        </DataTable.Col>
      )}
      {mode !== 'applicant' && <DataTable.Col source="title" disableSort />}
      {mode === 'applicant' && (
        <DataTable.Col source="batchId" disableSort>
          <ReferenceField source="batchId" reference="batches" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
      )}
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

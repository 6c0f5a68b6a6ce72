import { DataTable, FilterButton, List, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from '@mui/material';
import { CodeField, ShanghaiDateField } from '../common/fields';
import { ListError } from '../common/states';
import { emailFilters } from './EmailFilters';
import { ResendEmailButton } from './ResendEmailButton';

const ApplicationLink = () => {
  const record = useRecordContext();
  if (!record?.applicationKind || !record.applicationId) return null;
  const resource = record.applicationKind === 'council' ? 'council-applications' : 'member-applications';
  return (
    <Link href={`#/${resource}/${record.applicationId}/show`} onClick={(e) => e.stopPropagation()}>
      #{String(record.applicationId)}
    </Link>
  );
};

/** The notification log: every queued mail with its status; preview and resend. */
export const EmailList = () => (
  <List
    filters={emailFilters}
    actions={
      <TopToolbar>
        <FilterButton />
      </TopToolbar>
    }
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    error={<ListError />}
  >
    <DataTable rowClick="show" bulkActionButtons={false} size="small">
      <DataTable.Col source="createdAt">
        <ShanghaiDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="template">
        <CodeField source="template" table="email_template" />
      </DataTable.Col>
      <DataTable.Col source="toEmail" />
      <DataTable.Col source="subject" disableSort />
      <DataTable.Col source="applicationKind" disableSort>
        <CodeField source="applicationKind" table="application_kind" />
      </DataTable.Col>
      <DataTable.Col source="applicationId" disableSort>
        <ApplicationLink />
      </DataTable.Col>
      <DataTable.Col source="status">
        <CodeField source="status" table="email_status" />
      </DataTable.Col>
      <DataTable.Col source="attempts" />
      <DataTable.Col source="sentAt">
        <ShanghaiDateField source="sentAt" />
      </DataTable.Col>
      <DataTable.Col label="app.common.actions" disableSort>
        <ResendEmailButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

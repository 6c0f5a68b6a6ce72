import { DataTable, ReferenceManyField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationKind } from '@alliance/domain';
import { CodeField, ShanghaiDateField } from '../common/fields';
import { EmptyBox } from '../common/states';

/** The mails sent about this application (emails filtered by applicationKind + applicationId). */
export const ApplicationEmails = ({ kind }: { kind: ApplicationKind }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'emails', action: 'list' });
  if (!record || isPending) return null;
  if (!canAccess) return <EmptyBox message="app.emails.not_allowed" />;
  return (
    <ReferenceManyField
      reference="emails"
      target="applicationId"
      filter={{ applicationKind: kind }}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={50}
      empty={<EmptyBox message={translate('app.emails.none')} />}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="template">
          <CodeField source="template" table="email_template" />
        </DataTable.Col>
        <DataTable.Col source="toEmail" />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="status">
          <CodeField source="status" table="email_status" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <ShanghaiDateField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="sentAt">
          <ShanghaiDateField source="sentAt" />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

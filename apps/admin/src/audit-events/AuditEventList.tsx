import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AuditActionField } from './AuditActionField';
import { ShanghaiDateField } from '../common/fields';
import { ListError } from '../common/states';
import { auditEventFilters } from './AuditEventFilters';

/** The audit log (read-only): who did what to which record, when; exports are recorded here too. */
export const AuditEventList = () => (
  <List
    filters={auditEventFilters}
    actions={
      <TopToolbar>
        <FilterButton />
      </TopToolbar>
    }
    sort={{ field: 'id', order: 'DESC' }}
    perPage={50}
    exporter={false}
    error={<ListError />}
  >
    <DataTable rowClick="show" bulkActionButtons={false} size="small">
      <DataTable.Col source="at">
        <ShanghaiDateField source="at" />
      </DataTable.Col>
      <DataTable.Col source="actorEmail" disableSort />
      <DataTable.Col source="action" disableSort>
        <AuditActionField />
      </DataTable.Col>
      <DataTable.Col source="entity" disableSort />
      <DataTable.Col source="entityId" disableSort />
    </DataTable>
  </List>
);

import { CreateButton, DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar, BooleanField } from 'react-admin';
import { CodeArrayField, ShanghaiDateField } from '../common/fields';
import { ListError } from '../common/states';
import { userFilters } from './UserFilters';

export const UserList = () => (
  <List
    filters={userFilters}
    sort={{ field: 'id', order: 'DESC' }}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton />
      </TopToolbar>
    }
    exporter={false}
    error={<ListError />}
  >
    <DataTable rowClick="edit" bulkActionButtons={false} size="small">
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="roles" disableSort>
        <CodeArrayField source="roles" table="role" />
      </DataTable.Col>
      <DataTable.Col source="schoolId" disableSort>
        <ReferenceField source="schoolId" reference="schools" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="emailVerified" disableSort>
        <BooleanField source="emailVerified" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <ShanghaiDateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

import { CreateButton, DataTable, List, TopToolbar, FilterButton } from 'react-admin';
import { CodeField, ShanghaiDateField } from '../common/fields';
import { ListError } from '../common/states';
import { invitationFilters } from './InvitationFilters';
import { ResendInvitationButton, RevokeInvitationButton } from './InvitationButtons';

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** Invitations of experts and staff: the lead creates, resends and revokes; the coordinator reads. */
export const InvitationList = () => (
  <List
    filters={invitationFilters}
    actions={<Actions />}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    error={<ListError />}
  >
    <DataTable bulkActionButtons={false} rowClick={false} size="small">
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role" disableSort>
        <CodeField source="role" table="role" />
      </DataTable.Col>
      <DataTable.Col source="duty" disableSort>
        <CodeField source="duty" table="expert_duty" />
      </DataTable.Col>
      <DataTable.Col source="state" disableSort>
        <CodeField source="state" table="invitation_state" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <ShanghaiDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="expiresAt">
        <ShanghaiDateField source="expiresAt" />
      </DataTable.Col>
      <DataTable.Col source="acceptedAt">
        <ShanghaiDateField source="acceptedAt" />
      </DataTable.Col>
      <DataTable.Col label="app.common.actions" disableSort>
        <ResendInvitationButton />
        <RevokeInvitationButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

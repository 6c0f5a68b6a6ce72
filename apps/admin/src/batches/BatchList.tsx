import { CreateButton, DataTable, DeleteButton, EditButton, List, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { ShanghaiDateField } from '../common/fields';
import { ListError } from '../common/states';

const OpenField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const now = Date.now();
  const open = new Date(record.opensAt).getTime() <= now && now <= new Date(record.deadline).getTime();
  const future = new Date(record.opensAt).getTime() > now;
  return (
    <Chip
      size="small"
      color={open ? 'success' : 'default'}
      label={translate(open ? 'app.batches.open' : future ? 'app.batches.upcoming' : 'app.batches.closed')}
    />
  );
};

export const BatchList = () => (
  <List
    sort={{ field: 'id', order: 'DESC' }}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
    exporter={false}
    error={<ListError />}
  >
    <DataTable bulkActionButtons={false} rowClick={false} size="small">
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="opensAt">
        <ShanghaiDateField source="opensAt" />
      </DataTable.Col>
      <DataTable.Col source="deadline">
        <ShanghaiDateField source="deadline" />
      </DataTable.Col>
      <DataTable.Col label="app.batches.status" disableSort>
        <OpenField />
      </DataTable.Col>
      <DataTable.Col label="app.common.actions" disableSort>
        <EditButton />
        <DeleteButton mutationMode="pessimistic" />
      </DataTable.Col>
    </DataTable>
  </List>
);

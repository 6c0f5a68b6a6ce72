import { Box } from '@mui/material';
import { RecordField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { ShanghaiDateField } from '../common/fields';
import { ShowError } from '../common/states';
import { AuditActionField } from './AuditActionField';

const DataField = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box
      component="pre"
      sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 13, overflow: 'auto', maxHeight: 480 }}
    >
      {JSON.stringify(record.data ?? null, null, 2)}
    </Box>
  );
};

export const AuditEventShow = () => (
  <Show error={<ShowError />}>
    <SimpleShowLayout>
      <ShanghaiDateField source="at" />
      <TextField source="actorEmail" />
      <TextField source="actorId" />
      <AuditActionField source="action" />
      <TextField source="entity" />
      <TextField source="entityId" />
      <RecordField source="data">
        <DataField />
      </RecordField>
    </SimpleShowLayout>
  </Show>
);

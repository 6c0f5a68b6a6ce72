import { TextInput } from 'react-admin';

export const auditEventFilters = [
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="actorId" source="actorId" />,
];

import { DeleteButton, Edit, SaveButton, Toolbar } from 'react-admin';
import { EditError } from '../common/states';
import { UserForm } from './UserForm';

const UserToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" error={<EditError />}>
    <UserForm toolbar={<UserToolbar />} />
  </Edit>
);

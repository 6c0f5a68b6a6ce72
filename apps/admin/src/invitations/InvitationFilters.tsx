import { SearchInput, SelectInput } from 'react-admin';
import { choicesOf } from '../i18n/codes';
import { INVITABLE_ROLES } from './roles';

export const invitationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={choicesOf('invitation_state')} alwaysOn />,
  <SelectInput key="role" source="role" choices={choicesOf('role', INVITABLE_ROLES)} />,
  <SelectInput key="duty" source="duty" choices={choicesOf('expert_duty')} />,
];

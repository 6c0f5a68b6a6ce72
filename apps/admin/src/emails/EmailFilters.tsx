import { NumberInput, SearchInput, SelectInput } from 'react-admin';
import { choicesOf } from '../i18n/codes';

export const emailFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf('email_status')} alwaysOn />,
  <SelectInput key="template" source="template" choices={choicesOf('email_template')} />,
  <SelectInput key="applicationKind" source="applicationKind" choices={choicesOf('application_kind')} />,
  <NumberInput key="applicationId" source="applicationId" />,
];

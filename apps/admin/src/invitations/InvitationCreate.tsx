import { Create, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choicesOf } from '../i18n/codes';
import { emailAddress, present } from '../lib/validation';
import { INVITABLE_ROLES } from './roles';

const DutyInput = () => {
  const role = useWatch({ name: 'role' });
  return role === 'expert' ? <SelectInput source="duty" choices={choicesOf('expert_duty')} validate={present} /> : null;
};

/** The lead invites a person by email; the API queues the mail with a single-use link. */
export const InvitationCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: 'expert' }} sx={{ maxWidth: 640 }}>
        <TextInput source="email" type="email" validate={[present, emailAddress]} />
        <TextInput source="name" validate={present} />
        <SelectInput source="role" choices={choicesOf('role', INVITABLE_ROLES)} validate={present} />
        <DutyInput />
        <TextInput source="organization" />
        <TextInput source="message" multiline minRows={3} helperText={translate('app.invitations.message_help')} />
      </SimpleForm>
    </Create>
  );
};

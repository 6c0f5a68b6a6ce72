import type { ReactElement } from 'react';
import {
  AutocompleteInput, BooleanInput, CheckboxGroupInput, PasswordInput, ReferenceInput, SimpleForm, TextInput, useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Role } from '@alliance/domain';
import { choicesOf } from '../i18n/codes';
import { emailAddress, password, present } from '../lib/validation';

/** School admins and applicants belong to one school (API.md, users). */
export const SCHOOL_ROLES: readonly Role[] = ['school_admin', 'applicant'];
export const needsSchool = (roles: unknown): boolean =>
  Array.isArray(roles) && roles.some((r) => SCHOOL_ROLES.includes(r as Role));

const schoolRequired = (value: unknown, all: unknown) =>
  needsSchool((all as { roles?: unknown } | undefined)?.roles) && (value === null || value === undefined || value === '')
    ? { message: 'app.users.school_required', args: {} }
    : undefined;

const rolesRequired = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : { message: 'ra.validation.required', args: {} };

const SchoolInput = () => {
  const roles = useWatch({ name: 'roles' });
  if (!needsSchool(roles)) return null;
  return (
    <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={schoolRequired} />
    </ReferenceInput>
  );
};

/** Accounts the lead creates are active at once; the password may be left empty on edit. */
export const UserForm = ({ isCreate = false, toolbar }: { isCreate?: boolean; toolbar?: ReactElement }) => {
  const translate = useTranslate();
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 640 }} defaultValues={isCreate ? { roles: [] } : undefined}>
      <TextInput source="email" type="email" validate={[present, emailAddress]} readOnly={!isCreate} />
      <TextInput source="name" validate={present} />
      <PasswordInput
        source="password"
        validate={isCreate ? [present, password] : password}
        helperText={isCreate ? false : translate('app.users.password_help')}
        autoComplete="new-password"
      />
      <CheckboxGroupInput source="roles" choices={choicesOf('role')} validate={rolesRequired} />
      <SchoolInput />
      {!isCreate && <BooleanInput source="active" />}
    </SimpleForm>
  );
};

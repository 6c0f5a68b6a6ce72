import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, CircularProgress } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput, CheckboxGroupInput, Form, PasswordInput, RadioButtonGroupInput, ReferenceInput, SelectInput, TextInput,
  useTranslate,
} from 'react-admin';
import { choicesOf, provinceChoices } from '../i18n/codes';
import { errorMessage } from '../data/http';
import { emailAddress, password, present, sameAs } from '../lib/validation';
import { PublicLayout } from './PublicLayout';
import { publicJson, registerBody } from './publicApi';

const F = (field: string) => `resources.schools.fields.${field}`;

const SchoolInputs = () => {
  const translate = useTranslate();
  const mode = useWatch({ name: 'schoolMode' });
  const honors = useWatch({ name: 'school.honors' }) as string[] | undefined;
  return (
    <>
      <RadioButtonGroupInput
        source="schoolMode"
        label="app.register.school"
        choices={[
          { id: 'existing', name: 'app.register.school_existing' },
          { id: 'new', name: 'app.register.school_new' },
        ]}
      />
      {mode === 'new' ? (
        <Box sx={{ pl: 2, borderLeft: 3, borderColor: 'primary.light' }}>
          <TextInput source="school.name" label={F('name')} validate={present} />
          <RadioButtonGroupInput source="school.type" label={F('type')} choices={choicesOf('school_type')} validate={present} />
          <RadioButtonGroupInput source="school.ownership" label={F('ownership')} choices={choicesOf('ownership')} validate={present} />
          <CheckboxGroupInput source="school.honors" label={F('honors')} choices={choicesOf('school_honor')} />
          {honors?.includes('other') && <TextInput source="school.honorsOther" label={F('honorsOther')} />}
          <SelectInput source="school.province" label={F('province')} choices={provinceChoices} translateChoice={false} />
        </Box>
      ) : (
        <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
          <AutocompleteInput
            label="app.register.pick_school"
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            validate={present}
            helperText={translate('app.register.pick_school_help')}
          />
        </ReferenceInput>
      )}
    </>
  );
};

/** /register: first-time applicants create an account for their school (POST /api/auth/register). */
export const RegisterPage = () => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const body = registerBody(values);
      await publicJson('auth/register', { method: 'POST', body });
      setDone(body.email);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout title="app.register.title">
      {done ? (
        <Alert severity="success">
          <AlertTitle>{translate('app.register.done_title')}</AlertTitle>
          {translate('app.register.done', { email: done })}
        </Alert>
      ) : (
        <Form onSubmit={submit} defaultValues={{ schoolMode: 'existing', school: { honors: [] } }}>
          <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
            {translate('app.register.intro')}
          </Alert>
          <TextInput source="email" label="resources.users.fields.email" type="email" autoComplete="email" validate={[present, emailAddress]} />
          <TextInput source="name" label="app.register.name" autoComplete="name" validate={present} />
          <PasswordInput source="password" label="resources.users.fields.password" autoComplete="new-password" validate={[present, password]} />
          <PasswordInput source="confirm" label="app.register.confirm" autoComplete="new-password" validate={[present, sameAs('password')]} />
          <SchoolInputs />
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth disabled={busy} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {translate('app.register.submit')}
          </Button>
        </Form>
      )}
    </PublicLayout>
  );
};

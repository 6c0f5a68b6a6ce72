import { SimpleForm, TextInput, useTranslate } from 'react-admin';
import { ShanghaiDateTimeInput } from '../common/ShanghaiDateTimeInput';
import { present } from '../lib/validation';

const deadlineAfterOpening = (value: unknown, all: unknown) => {
  const opensAt = (all as { opensAt?: string } | undefined)?.opensAt;
  return value && opensAt && new Date(String(value)).getTime() <= new Date(opensAt).getTime()
    ? { message: 'app.batches.deadline_before_opening', args: {} }
    : undefined;
};

/** A batch: name, opening time and deadline, typed in Shanghai time. */
export const BatchForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 560 }}>
      <TextInput source="name" validate={present} />
      <ShanghaiDateTimeInput source="opensAt" validate={present} helperText={translate('app.batches.timezone_help')} />
      <ShanghaiDateTimeInput source="deadline" validate={[present, deadlineAfterOpening]} helperText={translate('app.batches.timezone_help')} />
    </SimpleForm>
  );
};

import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput, DateInput, NumberInput, SelectInput, SimpleForm, SimpleFormIterator, TextArrayInput, TextInput,
  useTranslate,
} from 'react-admin';
import { LIMITS } from '@alliance/domain';
import { choicesOf } from '../i18n/codes';
import {
  count, departmentsCount, emailAddress, pastMonth, percent, strongMajorsCount, calendarDate,
} from '../lib/validation';
import { BatchInput, DraftToolbar, FormSection, SchoolSummary, Wide } from '../applications/formParts';

const establishedOn = [pastMonth()];

/** 本校拟参加联盟的二级院系信息: one to three departments, each as on the paper form. */
const DepartmentsInput = () => {
  const translate = useTranslate();
  const departments = useWatch({ name: 'departments' }) as unknown[] | undefined;
  const full = (departments?.length ?? 0) >= LIMITS.departmentsPerApplication.max;
  return (
    <ArrayInput source="departments" label={false} validate={departmentsCount}>
      <SimpleFormIterator
        disableReordering
        disableClear
        disableAdd={full}
        getItemLabel={(i: number) => translate('app.council.department_n', { n: i + 1 })}
        sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 } }}
      >
        <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
          <TextInput source="name" helperText={false} />
          <SelectInput source="category" choices={choicesOf('department_category')} helperText={false} />
          <TextInput source="establishedOn" type="month" validate={establishedOn} helperText={false} slotProps={{ inputLabel: { shrink: true } }} />
          <NumberInput source="majorSharePct" validate={percent} step={0.1} min={0} max={100} helperText={false} />
          <NumberInput source="avgEnrollment3y" validate={count} step={1} min={0} helperText={false} />
          <Box />
          <TextInput source="headName" helperText={false} />
          <TextInput source="headPosition" helperText={false} />
          <Box />
          <Box sx={{ gridColumn: '1 / -1' }}>
            <TextArrayInput
              source="strongMajors"
              validate={strongMajorsCount}
              helperText={translate('app.council.strong_majors_help', { max: LIMITS.strongMajors.max })}
            />
          </Box>
        </Box>
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/**
 * 附件1 理事单位（学校）申报表, in the sections of the paper form. Drafts may be partial; what
 * is missing shows up as findings that block the submit.
 */
export const CouncilApplicationForm = ({
  isCreate = false,
  defaultValues,
}: {
  isCreate?: boolean;
  defaultValues?: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={defaultValues} toolbar={<DraftToolbar />} sx={{ maxWidth: 1100 }} warnWhenUnsavedChanges>
      <Typography variant="h5" sx={{ fontSize: '1.2rem', alignSelf: 'center', mb: 1 }}>
        {translate('app.council.paper_title')}
      </Typography>
      <FormSection title="app.council.section.school">
        <Wide>
          <SchoolSummary />
        </Wide>
        <BatchInput readOnly={!isCreate} />
        <NumberInput
          source="equipmentMajorShare5yPct"
          validate={percent}
          step={0.1}
          min={0}
          max={100}
          helperText={translate('app.council.equipment_share_help', { min: LIMITS.minEquipmentMajorSharePct })}
        />
      </FormSection>
      <FormSection title="app.council.section.representative" columns={4}>
        <TextInput source="representative.name" helperText={false} />
        <TextInput source="representative.position" helperText={false} />
        <TextInput source="representative.phone" helperText={false} />
        <TextInput source="representative.email" type="email" validate={emailAddress} helperText={false} />
      </FormSection>
      <FormSection title="app.council.section.contact" columns={4}>
        <TextInput source="contact.name" helperText={false} />
        <TextInput source="contact.position" helperText={false} />
        <TextInput source="contact.phone" helperText={false} />
        <TextInput source="contact.email" type="email" validate={emailAddress} helperText={false} />
      </FormSection>
      <FormSection
        title="app.council.section.departments"
        subtitle={translate('app.council.departments_help', { max: LIMITS.departmentsPerApplication.max })}
        columns={1}
      >
        <DepartmentsInput />
      </FormSection>
      <FormSection title="app.council.section.opinion" columns={3}>
        <Wide>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.council.opinion_text', { name: translate('app.council.opinion_blank') })}
          </Typography>
        </Wide>
        <TextInput source="schoolOpinion.recommendedRepresentative" helperText={false} />
        <TextInput source="schoolOpinion.signer" helperText={false} />
        <DateInput source="schoolOpinion.date" validate={calendarDate} helperText={false} />
      </FormSection>
      <FormSection title="app.council.section.suggestions" columns={1}>
        <TextInput source="suggestions" multiline minRows={3} helperText={false} />
      </FormSection>
      <Typography variant="caption" color="text.secondary">
        {translate('app.council.notes')}
      </Typography>
    </SimpleForm>
  );
};

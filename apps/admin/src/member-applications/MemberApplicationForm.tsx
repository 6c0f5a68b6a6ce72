import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput, AutocompleteInput, BooleanInput, DateInput, NumberInput, RadioButtonGroupInput, ReferenceInput,
  SelectInput, SimpleForm, SimpleFormIterator, TextInput, useTranslate, type RaRecord,
} from 'react-admin';
import { LIMITS, TITLE_SUGGESTIONS } from '@alliance/domain';
import { choicesOf } from '../i18n/codes';
import { useCodeLabel } from '../common/fields';
import { calendarDate, count, emailAddress, mobile, yearMonth } from '../lib/validation';
import { BatchInput, DraftToolbar, FormSection, SchoolSummary, Wide, ownSchoolId } from '../applications/formParts';

/** The department: one of the school's council-application departments (GET /api/departments). */
const DepartmentInput = () => {
  const label = useCodeLabel();
  const schoolId = (useWatch({ name: 'schoolId' }) as number | undefined) ?? ownSchoolId();
  return (
    <ReferenceInput
      source="departmentId"
      reference="departments"
      filter={schoolId ? { schoolId } : {}}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={50}
    >
      <AutocompleteInput
        optionText={(d: RaRecord) => `${d.name}${d.category ? `（${label('department_category', d.category)}）` : ''}`}
        filterToQuery={(q: string) => ({ q })}
        helperText="app.member.department_help"
      />
    </ReferenceInput>
  );
};

/** 二级院系主要荣誉: any of national / provincial “双高” group (with its name) or other. */
const DepartmentHonorsInput = () => (
  <ArrayInput source="departmentHonors" label={false}>
    <SimpleFormIterator inline disableReordering disableClear>
      <SelectInput source="kind" choices={choicesOf('department_honor')} helperText={false} sx={{ minWidth: 240 }} />
      <TextInput source="text" helperText={false} sx={{ minWidth: 320 }} />
    </SimpleFormIterator>
  </ArrayInput>
);

/** 现任职务: the kind, and the blank the paper form has for it (主管…工作, 负责…专业（群）, 其它…). */
const PositionInput = () => {
  const translate = useTranslate();
  const kind = useWatch({ name: 'position.kind' }) as string | undefined;
  return (
    <>
      <Wide>
        <RadioButtonGroupInput source="position.kind" choices={choicesOf('position_kind')} helperText={false} />
      </Wide>
      {kind && kind !== 'dean' && (
        <TextInput source="position.text" helperText={translate(`app.member.position_text.${kind}`)} />
      )}
    </>
  );
};

/**
 * 附件2 成员（个人）申报表, in the sections of the paper form. The photo and the sealed scan
 * are uploaded once the draft is saved.
 */
export const MemberApplicationForm = ({
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
        {translate('app.member.paper_title')}
      </Typography>
      <FormSection title="app.member.section.school">
        <Wide>
          <SchoolSummary />
        </Wide>
        <BatchInput readOnly={!isCreate} />
        <DepartmentInput />
        <Wide>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.member-applications.fields.departmentHonors')}
          </Typography>
          <DepartmentHonorsInput />
        </Wide>
        <RadioButtonGroupInput source="seat" choices={choicesOf('seat')} helperText="app.member.seat_help" />
        <SelectInput
          source="targetGroup"
          choices={choicesOf('target_group')}
          helperText={translate('app.member.target_group_help', { age: LIMITS.maxYouthAge })}
        />
      </FormSection>
      <FormSection title="app.member.section.person" columns={3}>
        <TextInput source="name" helperText={false} />
        <RadioButtonGroupInput source="gender" choices={choicesOf('gender')} helperText={false} />
        <TextInput source="birthMonth" type="month" validate={yearMonth} helperText={false} slotProps={{ inputLabel: { shrink: true } }} />
        <SelectInput source="politicalStatus" choices={choicesOf('political_status')} helperText={false} />
        <SelectInput source="education" choices={choicesOf('education')} helperText={false} />
        <SelectInput source="degree" choices={choicesOf('degree')} helperText={false} />
        <TextInput source="almaMater" helperText={false} />
        <TextInput source="studiedMajor" helperText={false} />
        <NumberInput
          source="teachingYears"
          validate={count}
          min={0}
          step={1}
          helperText={translate('app.member.teaching_years_help', { min: LIMITS.minTeachingYears })}
        />
        <Box>
          <TextInput source="title" helperText={false} slotProps={{ htmlInput: { list: 'title-suggestions' } }} />
          <datalist id="title-suggestions">
            {TITLE_SUGGESTIONS.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </Box>
        <TextInput source="field" helperText={false} />
        <Box />
        <PositionInput />
        <TextInput source="mobile" validate={mobile} helperText={false} />
        <TextInput source="email" type="email" validate={emailAddress} helperText={false} />
        <Box />
        <Wide>
          <TextInput source="address" helperText={false} />
        </Wide>
      </FormSection>
      <FormSection title="app.member.section.achievements" columns={1}>
        <TextInput source="achievements" multiline minRows={4} helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.experience" columns={2}>
        <Wide>
          <TextInput source="experience" multiline minRows={4} helperText={false} />
        </Wide>
        <NumberInput source="industryYears" validate={count} min={0} step={1} helperText={false} />
        <TextInput source="industryWork" helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.awards" columns={1}>
        <TextInput source="awards" multiline minRows={3} helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.memberships" columns={1}>
        <TextInput source="memberships" multiline minRows={2} helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.commitment" columns={2}>
        <Wide>
          <Typography variant="body2" sx={{ mb: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
            {translate('app.member.commitment_text')}
          </Typography>
        </Wide>
        <BooleanInput source="commitment.accepted" label="app.member.commitment_accept" helperText={false} />
        <DateInput source="commitment.date" validate={calendarDate} helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.opinion" columns={2}>
        <TextInput source="schoolOpinion.signer" label="resources.member-applications.fields.schoolOpinion.signer" helperText={false} />
        <DateInput source="schoolOpinion.date" validate={calendarDate} helperText={false} />
      </FormSection>
      <FormSection title="app.member.section.suggestions" columns={1}>
        <TextInput source="suggestions" multiline minRows={3} helperText={false} />
      </FormSection>
      <Typography variant="caption" color="text.secondary">
        {translate('app.member.notes')}
      </Typography>
    </SimpleForm>
  );
};

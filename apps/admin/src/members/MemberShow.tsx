import { ReferenceField, Show, SimpleShowLayout, TextArrayField, TextField } from 'react-admin';
import { CodeArrayField, CodeField, ShanghaiDateField } from '../common/fields';
import { ShowError } from '../common/states';

export const MemberShow = () => (
  <Show error={<ShowError />}>
    <SimpleShowLayout>
      <CodeField source="kind" table="roster_kind" />
      <TextField source="name" />
      <TextField source="organization" />
      <CodeField source="schoolType" table="school_type" />
      <CodeArrayField source="schoolHonors" table="school_honor" />
      <TextField source="province" />
      <TextArrayField source="departmentNames" />
      <CodeArrayField source="departmentCategories" table="department_category" />
      <CodeField source="seat" table="seat" />
      <CodeField source="targetGroup" table="target_group" />
      <TextField source="title" />
      <TextField source="position" />
      <CodeField source="duty" table="expert_duty" />
      <TextField source="mobile" />
      <TextField source="email" />
      <ReferenceField source="batchId" reference="batches" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <ShanghaiDateField source="admittedAt" />
    </SimpleShowLayout>
  </Show>
);

import { Box, Chip, Stack, Typography } from '@mui/material';
import { BooleanField, ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CodeField, ShanghaiDateField, useCodeLabel } from '../common/fields';
import { AttachmentPreview } from '../applications/Attachments';
import type { AttachmentRecord } from '../data/dataProvider';
import { Item, TextItem, ViewSection } from '../applications/viewParts';

const HonorsField = () => {
  const record = useRecordContext();
  const label = useCodeLabel();
  const honors = (Array.isArray(record?.departmentHonors) ? record.departmentHonors : []) as { kind: string; text?: string }[];
  if (honors.length === 0) return <Typography variant="body2" color="text.disabled">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {honors.map((h, i) => (
        <Chip key={i} size="small" label={`${label('department_honor', h.kind)}${h.text ? `：${h.text}` : ''}`} />
      ))}
    </Stack>
  );
};

const PositionField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  const position = record?.position as { kind?: string; text?: string } | undefined;
  if (!position?.kind) return <Typography variant="body2" color="text.disabled">—</Typography>;
  return (
    <Typography variant="body2">
      {translate(`app.print.position_line.${position.kind}`, { label: label('position_kind', position.kind), text: position.text ?? '' })}
    </Typography>
  );
};

const Photo = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const photo = ((Array.isArray(record?.attachments) ? record.attachments : []) as AttachmentRecord[]).find((a) => a.kind === 'photo');
  return (
    <Box sx={{ width: 140, flexShrink: 0 }}>
      {photo ? (
        <AttachmentPreview attachment={photo} height={180} />
      ) : (
        <Box sx={{ width: 120, height: 160, border: 1, borderColor: 'divider', display: 'grid', placeItems: 'center' }}>
          <Typography variant="caption" color="text.secondary">
            {translate('app.attachments.no_photo')}
          </Typography>
        </Box>
      )}
    </Box>
  );
};

/** Every field of 附件2, read-only, in the paper form's sections. */
export const MemberApplicationView = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <ViewSection title="app.member.section.school" columns={3}>
        <Item source="school.name" />
        <Item source="department.name" />
        <Item source="department.category">
          <CodeField source="department.category" table="department_category" />
        </Item>
        <Item source="departmentHonors" wide>
          <HonorsField />
        </Item>
        <Item source="seat">
          <CodeField source="seat" table="seat" />
        </Item>
        <Item source="targetGroup">
          <CodeField source="targetGroup" table="target_group" />
        </Item>
        <Item source="batchId">
          <ReferenceField source="batchId" reference="batches" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </Item>
        <Item source="submittedAt">
          <ShanghaiDateField source="submittedAt" />
        </Item>
      </ViewSection>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <ViewSection title="app.member.section.person" columns={3}>
            <Item source="name" />
            <Item source="gender">
              <CodeField source="gender" table="gender" />
            </Item>
            <Item source="birthMonth" />
            <Item source="politicalStatus">
              <CodeField source="politicalStatus" table="political_status" />
            </Item>
            <Item source="education">
              <CodeField source="education" table="education" />
            </Item>
            <Item source="degree">
              <CodeField source="degree" table="degree" />
            </Item>
            <Item source="almaMater" />
            <Item source="studiedMajor" />
            <Item source="teachingYears" />
            <Item source="title" />
            <Item source="field" />
            <Item source="position">
              <PositionField />
            </Item>
            <Item source="mobile" />
            <Item source="email" />
            <Item source="address" />
          </ViewSection>
        </Box>
        <Photo />
      </Box>
      <ViewSection title="app.member.section.achievements" columns={1}>
        <TextItem source="achievements" bare />
      </ViewSection>
      <ViewSection title="app.member.section.experience" columns={2}>
        <TextItem source="experience" />
        <Item source="industryYears" />
        <Item source="industryWork" />
      </ViewSection>
      <ViewSection title="app.member.section.awards" columns={1}>
        <TextItem source="awards" bare />
      </ViewSection>
      <ViewSection title="app.member.section.memberships" columns={1}>
        <TextItem source="memberships" bare />
      </ViewSection>
      <ViewSection title="app.member.section.commitment" columns={3}>
        <Item source="commitment.accepted">
          <BooleanField source="commitment.accepted" />
        </Item>
        <Item source="commitment.date" />
      </ViewSection>
      <ViewSection title="app.member.section.opinion" columns={3}>
        <Item source="schoolOpinion.signer" />
        <Item source="schoolOpinion.date" />
      </ViewSection>
      <ViewSection title="app.member.section.suggestions" columns={1}>
        <TextItem source="suggestions" bare />
      </ViewSection>
    </Box>
  );
};

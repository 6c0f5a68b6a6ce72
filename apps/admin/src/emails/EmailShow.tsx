import { Box, Paper, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  ListButton, Show, TopToolbar, useDataProvider, useRecordContext, useTranslate,
} from 'react-admin';
import type { AllianceDataProvider } from '../data/dataProvider';
import { CodeField, MultilineField, ShanghaiDateField } from '../common/fields';
import { ErrorBox, Loading, ShowError } from '../common/states';
import { Item, ViewSection } from '../applications/viewParts';
import { ResendEmailButton } from './ResendEmailButton';

/** The rendered mail (GET /api/emails/:id/preview): HTML in a sandboxed frame, or the text part. */
const Preview = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const translate = useTranslate();
  const [tab, setTab] = useState<'html' | 'text'>('html');
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['emails', 'preview', record?.id],
    queryFn: () => dataProvider.emailPreview(record!.id).then((r) => r.data),
    enabled: !!record,
  });
  if (isPending) return <Loading />;
  if (error || !data) return <ErrorBox error={error} onRetry={() => refetch()} />;
  return (
    <Paper variant="outlined">
      <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
        {data.subject}
      </Typography>
      <Tabs value={tab} onChange={(_, v) => setTab(v)} sx={{ px: 1 }}>
        <Tab value="html" label={translate('app.emails.html')} />
        <Tab value="text" label={translate('app.emails.text')} />
      </Tabs>
      {tab === 'html' ? (
        <Box
          component="iframe"
          title={data.subject}
          sandbox=""
          srcDoc={data.html}
          sx={{ width: '100%', height: 480, border: 0, borderTop: 1, borderColor: 'divider', bgcolor: '#fff' }}
        />
      ) : (
        <Box component="pre" sx={{ m: 0, p: 2, whiteSpace: 'pre-wrap', borderTop: 1, borderColor: 'divider', fontFamily: 'inherit' }}>
          {data.text}
        </Box>
      )}
    </Paper>
  );
};

export const EmailShow = () => (
  <Show
    error={<ShowError />}
    actions={
      <TopToolbar>
        <ResendEmailButton />
        <ListButton />
      </TopToolbar>
    }
  >
    <Box sx={{ p: 2 }}>
      <ViewSection title="app.emails.details" columns={4}>
        <Item source="template">
          <CodeField source="template" table="email_template" />
        </Item>
        <Item source="toEmail" />
        <Item source="status">
          <CodeField source="status" table="email_status" />
        </Item>
        <Item source="attempts" />
        <Item source="createdAt">
          <ShanghaiDateField source="createdAt" />
        </Item>
        <Item source="sentAt">
          <ShanghaiDateField source="sentAt" />
        </Item>
        <Item source="messageId" />
        <Item source="applicationKind">
          <CodeField source="applicationKind" table="application_kind" />
        </Item>
        <Item source="lastError" wide>
          <MultilineField source="lastError" />
        </Item>
      </ViewSection>
      <ViewSection title="app.emails.preview" columns={1}>
        <Preview />
      </ViewSection>
    </Box>
  </Show>
);

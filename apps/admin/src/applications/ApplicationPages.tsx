import { useEffect, type ReactNode } from 'react';
import { Alert, Box } from '@mui/material';
import {
  Create, Edit, EditButton, ListButton, Show, ShowButton, TabbedShowLayout, TopToolbar, useCanAccess, useEditContext,
  useRedirect, useResourceContext, useTranslate,
} from 'react-admin';
import { isEditable, type ApplicationKind, type ApplicationState, type AttachmentKind } from '@alliance/domain';
import { listModeFor } from '../auth/access';
import { useRoles } from '../auth/useRoles';
import { EditError, ShowError } from '../common/states';
import { ApplicationEmails } from '../emails/ApplicationEmails';
import { ApplicationHeader } from './ApplicationHeader';
import { ApplicationTitle } from './ApplicationTitle';
import { AttachmentsPanel } from './Attachments';
import { FormSection } from './formParts';
import { HistoryTimeline } from './HistoryTimeline';
import { PrintButton } from './PrintButton';
import { QuotaExceptionButton } from './QuotaExceptionButton';
import { TransitionActions } from './TransitionButtons';

const ShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <TransitionActions />
    <QuotaExceptionButton />
    <EditButton />
    <PrintButton />
    <ListButton />
  </TopToolbar>
);

/**
 * The show page of an application: header (state, returned comment, findings, quota), then
 * tabs with every field of the form, the attachment previews, the history and the mails.
 */
export const ApplicationShow = ({ kind, view, attachments }: { kind: ApplicationKind; view: ReactNode; attachments: AttachmentKind[] }) => {
  const roles = useRoles();
  const audience = listModeFor(roles) === 'applicant' ? 'applicant' : 'reviewer';
  const { canAccess: canSeeEmails } = useCanAccess({ resource: 'emails', action: 'list' });
  return (
    <Show actions={<ShowActions />} title={<ApplicationTitle />} error={<ShowError />}>
      <Box sx={{ px: 2, pt: 2 }}>
        <ApplicationHeader audience={audience} />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.tabs.form">{view}</TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.attachments" path="attachments">
          <AttachmentsPanel kinds={attachments} height={560} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.history" path="history">
          <HistoryTimeline />
        </TabbedShowLayout.Tab>
        {canSeeEmails ? (
          <TabbedShowLayout.Tab label="app.tabs.emails" path="emails">
            <ApplicationEmails kind={kind} />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Show>
  );
};

const EditActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <TransitionActions only={['submit', 'withdraw']} />
    <PrintButton />
    <ShowButton />
  </TopToolbar>
);

/** An application that left draft/returned is read-only: its edit URL leads to the show page. */
const RedirectWhenLocked = () => {
  const { record } = useEditContext();
  const resource = useResourceContext();
  const redirect = useRedirect();
  useEffect(() => {
    if (record && !isEditable(record.state as ApplicationState)) redirect('show', resource, record.id);
  }, [record, resource, redirect]);
  return null;
};

/**
 * The applicant's edit page: pessimistic saves (the server's validation errors appear beside
 * the inputs), the findings that would block a submit, the uploads, submit and withdraw.
 */
export const ApplicationEdit = ({ form, attachments }: { form: ReactNode; attachments: AttachmentKind[] }) => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect={false} actions={<EditActions />} title={<ApplicationTitle />} error={<EditError />}>
      <RedirectWhenLocked />
      <Box sx={{ px: 2, pt: 2 }}>
        <ApplicationHeader audience="applicant" />
      </Box>
      {form}
      <Box sx={{ px: 2, pb: 2 }}>
        <FormSection title="app.tabs.attachments" columns={1}>
          <Box>
            <Alert severity="info" variant="outlined" sx={{ mb: 1 }}>
              {translate('app.attachments.help')}
            </Alert>
            <AttachmentsPanel kinds={attachments} height={420} pdfOnDemand />
          </Box>
        </FormSection>
      </Box>
    </Edit>
  );
};

/** A new draft: saved first, then the edit page offers uploads and the submit. */
export const ApplicationCreate = ({ form }: { form: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Create redirect="edit">
      <Alert severity="info" sx={{ m: 2, mb: 0 }}>
        {translate('app.form.create_hint')}
      </Alert>
      {form}
    </Create>
  );
};

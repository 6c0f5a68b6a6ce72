import {
  Alert, Box, Button as MuiButton, Card, CardActions, CardContent, Stack, Step, StepLabel, Stepper, Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  RecordContextProvider, ResourceContextProvider, Title, useGetList, useNavigate, useTranslate, type RaRecord,
} from 'react-admin';
import { isEditable, type ApplicationState } from '@alliance/domain';
import { APPLICATION_RESOURCES, type ApplicationResource } from '../auth/access';
import { StateChip } from '../common/fields';
import { EmptyBox, ErrorBox, Loading } from '../common/states';
import { formatShanghai } from '../lib/time';
import { FindingsSummaryField } from '../applications/FindingsPanel';
import { LastCommentAlert } from '../applications/ApplicationHeader';
import { PrintButton } from '../applications/PrintButton';
import { TransitionActions } from '../applications/TransitionButtons';

const STEPS = ['fill', 'upload', 'submit', 'school', 'center', 'admitted'] as const;

const ApplicationCard = ({ resource, record }: { resource: ApplicationResource; record: RaRecord }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const editable = isEditable(record.state as ApplicationState);
  const title =
    resource === 'council-applications'
      ? ((record.departments as { name?: string }[] | undefined) ?? []).map((d) => d.name).filter(Boolean).join('、') ||
        translate('app.my.untitled')
      : record.name || translate('app.my.untitled');
  return (
    <ResourceContextProvider value={resource}>
      <RecordContextProvider value={record}>
        <Card variant="outlined">
          <CardContent sx={{ pb: 1 }}>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }} useFlexGap>
              <StateChip state={record.state} />
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {title}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                #{record.id}
              </Typography>
              <Box sx={{ ml: 'auto' }}>
                <FindingsSummaryField />
              </Box>
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {translate('app.header.updated_at', { at: formatShanghai(record.updatedAt) })}
              {record.submittedAt ? ` · ${translate('app.header.submitted_at', { at: formatShanghai(record.submittedAt) })}` : ''}
            </Typography>
            <Box sx={{ mt: 1 }}>
              <LastCommentAlert />
            </Box>
          </CardContent>
          <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 1.5 }}>
            {editable ? (
              <MuiButton size="small" variant="outlined" startIcon={<EditIcon />} onClick={() => navigate(`/${resource}/${record.id}`)}>
                {translate('ra.action.edit')}
              </MuiButton>
            ) : (
              <MuiButton size="small" variant="outlined" startIcon={<VisibilityIcon />} onClick={() => navigate(`/${resource}/${record.id}/show`)}>
                {translate('ra.action.show')}
              </MuiButton>
            )}
            <PrintButton />
            <TransitionActions />
          </CardActions>
        </Card>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};

const KindSection = ({ resource }: { resource: ApplicationResource }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useGetList(resource, {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'id', order: 'DESC' },
  });
  return (
    <Box component="section">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" sx={{ flex: 1, fontSize: '1.05rem' }}>
          {translate(`app.my.${resource === 'council-applications' ? 'council' : 'member'}_heading`)}
        </Typography>
        <MuiButton variant="contained" size="small" startIcon={<AddIcon />} onClick={() => navigate(`/${resource}/create`)}>
          {translate(`app.my.new_${resource === 'council-applications' ? 'council' : 'member'}`)}
        </MuiButton>
      </Stack>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorBox error={error} onRetry={() => refetch()} />
      ) : !data || data.length === 0 ? (
        <Card variant="outlined">
          <EmptyBox message={`app.my.empty_${resource === 'council-applications' ? 'council' : 'member'}`} />
        </Card>
      ) : (
        <Stack spacing={1}>
          {data.map((record) => (
            <ApplicationCard key={String(record.id)} resource={resource} record={record} />
          ))}
        </Stack>
      )}
    </Box>
  );
};

/** 我的申报: the applicant's own applications of both forms, with what to do next. */
export const MyApplications = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title={translate('app.menu.my_applications')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            {translate('app.my.intro')}
          </Typography>
          <Stepper alternativeLabel>
            {STEPS.map((s) => (
              <Step key={s} completed={false}>
                <StepLabel>{translate(`app.my.steps.${s}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>
        </CardContent>
      </Card>
      <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
        {translate('app.my.deadline_hint')}
      </Alert>
      <Stack spacing={3}>
        {APPLICATION_RESOURCES.map((r) => (
          <KindSection key={r} resource={r} />
        ))}
      </Stack>
    </Box>
  );
};

import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { useEditContext, useListContext, useShowContext, useTranslate } from 'react-admin';
import { errorMessage } from '../data/http';

/** An error with a retry button; the message comes from the API's error body when there is one. */
export const ErrorBox = ({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {translate('app.common.retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{translate(title ?? 'app.common.load_error')}</AlertTitle>
      {translate(errorMessage(error), { _: errorMessage(error) })}
    </Alert>
  );
};

export const Loading = ({ label }: { label?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 2, color: 'text.secondary' }}>
      <CircularProgress size={18} />
      <Typography variant="body2">{translate(label ?? 'ra.page.loading')}</Typography>
    </Box>
  );
};

export const EmptyBox = ({ message, children }: { message: string; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
      <InboxIcon sx={{ fontSize: 40, opacity: 0.5 }} />
      <Typography variant="body2">{translate(message)}</Typography>
      {children}
    </Box>
  );
};

/** `<List error={<ListError />}>`: the list's error in place of the table. */
export const ListError = () => {
  const { error, refetch } = useListContext();
  return <ErrorBox error={error} onRetry={() => refetch()} />;
};
export const ShowError = () => {
  const { error, refetch } = useShowContext();
  return <ErrorBox error={error} onRetry={() => refetch()} />;
};
export const EditError = () => {
  const { error, refetch } = useEditContext();
  return <ErrorBox error={error} onRetry={() => refetch?.()} />;
};

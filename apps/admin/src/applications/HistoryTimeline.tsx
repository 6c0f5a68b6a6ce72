import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { AllianceDataProvider, TransitionRecord } from '../data/dataProvider';
import { formatShanghai } from '../lib/time';
import { StateChip, useCodeLabel } from '../common/fields';
import { EmptyBox, ErrorBox, Loading } from '../common/states';

const DOT: Record<string, string> = {
  submit: 'info.main',
  withdraw: 'grey.500',
  school_approve: 'primary.main',
  center_approve: 'secondary.main',
  admit: 'success.main',
  return: 'warning.main',
  reject: 'error.main',
};

/** The application's history (GET /api/<resource>/:id/transitions), oldest first. */
export const HistoryTimeline = () => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const translate = useTranslate();
  const label = useCodeLabel();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: [resource, 'transitions', record?.id, record?.state],
    queryFn: ({ signal: _signal }) => dataProvider.getTransitions(resource, record!.id).then((r) => r.data),
    enabled: !!record,
  });
  if (!record) return null;
  if (isPending) return <Loading />;
  if (error) return <ErrorBox error={error} onRetry={() => refetch()} />;
  if (!data || data.length === 0) return <EmptyBox message="app.history.empty" />;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((t: TransitionRecord, i: number) => (
        <Box component="li" key={String(t.id ?? i)} sx={{ display: 'flex', gap: 2, position: 'relative', pb: 2 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.5 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: DOT[t.action] ?? 'grey.500' }} />
            {i < data.length - 1 && <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', mt: 0.5 }} />}
          </Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              <Typography variant="subtitle2">{label('action', t.action)}</Typography>
              <StateChip state={t.from} />
              <Typography variant="body2" color="text.secondary">
                →
              </Typography>
              <StateChip state={t.to} />
              <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
                {formatShanghai(t.at)}
              </Typography>
            </Box>
            <Typography variant="body2" color="text.secondary">
              {translate('app.history.by', {
                role: t.actorRole ? label('role', t.actorRole) : '',
                name: t.actorName ?? (t.actorId !== null && t.actorId !== undefined ? `#${t.actorId}` : ''),
              })}
            </Typography>
            {t.comment && (
              <Typography variant="body2" sx={{ mt: 0.5, p: 1, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}>
                {t.comment}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
};

import { useRef, useState } from 'react';
import {
  Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useCanAccess, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadWithProgress, formatBytes, saveBlob, type DownloadProgress } from '../lib/download';
import { exportUrl, type ExportFormat } from '../lib/filters';
import { errorMessage } from '../data/http';
import { shanghaiToday } from '../lib/time';

/**
 * CSV and Excel export of every row matching the list's current filter (the API streams them,
 * no paging). Shows bytes received and, when the size is known, the percentage.
 */
export const ExportButtons = () => {
  const { resource, filterValues, total } = useListContext();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const abort = useRef<AbortController | null>(null);

  if (!canAccess) return null;

  const start = async (fmt: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    setFormat(fmt);
    setProgress({ received: 0, total: null, percent: null });
    try {
      const fallback = `${translate(`resources.${resource}.name`, { smart_count: 2 })}-${shanghaiToday()}.${fmt}`;
      const { blob, fileName } = await downloadWithProgress(exportUrl(resource, fmt, filterValues), fallback, setProgress, controller.signal);
      saveBlob(blob, fileName);
      notify('app.export.done', { type: 'success', messageArgs: { name: fileName, size: formatBytes(blob.size) } });
    } catch (error) {
      if (!controller.signal.aborted) notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
    } finally {
      abort.current = null;
      setFormat(null);
      setProgress(null);
    }
  };

  return (
    <>
      <Button label="app.export.csv" onClick={() => start('csv')} disabled={!!format || total === 0}>
        <DownloadIcon />
      </Button>
      <Button label="app.export.xlsx" onClick={() => start('xlsx')} disabled={!!format || total === 0}>
        <DownloadIcon />
      </Button>
      <Dialog open={!!format} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('app.export.title', { format: format?.toUpperCase() ?? '' })}</DialogTitle>
        <DialogContent>
          <LinearProgress
            variant={progress?.percent === null || progress?.percent === undefined ? 'indeterminate' : 'determinate'}
            value={progress?.percent ?? 0}
            sx={{ mb: 1.5 }}
          />
          <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
            <Typography variant="body2">
              {translate('app.export.received', { size: formatBytes(progress?.received ?? 0) })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {progress?.percent !== null && progress?.percent !== undefined
                ? `${progress.percent}%`
                : translate('app.export.size_unknown')}
            </Typography>
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.export.hint')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => abort.current?.abort()}>{translate('ra.action.cancel')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

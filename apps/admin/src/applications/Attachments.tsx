import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Box, Card, CardContent, CardHeader, Link, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate,
} from 'react-admin';
import type { AttachmentKind } from '@alliance/domain';
import { ACCEPTED_TYPES, MAX_BYTES, checkUpload, typesLabel } from '../lib/upload';
import type { AllianceDataProvider, AttachmentRecord } from '../data/dataProvider';
import { apiFetch, errorMessage } from '../data/http';
import { formatBytes } from '../lib/download';
import { ErrorBox, Loading } from '../common/states';
import { useCodeLabel } from '../common/fields';

/** Fetches an attachment with the bearer header into a blob URL (revoked when no longer shown). */
export function useAttachmentUrl(id: unknown) {
  const [state, setState] = useState<{ url?: string; type?: string; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    if (id === undefined || id === null) return undefined;
    let url: string | undefined;
    let cancelled = false;
    const controller = new AbortController();
    setState({ loading: true });
    apiFetch(`attachments/${encodeURIComponent(String(id))}`, { signal: controller.signal })
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ url, type: blob.type, loading: false });
      })
      .catch((error) => {
        if (!cancelled) setState({ error, loading: false });
      });
    return () => {
      cancelled = true;
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state;
}

/** Images inline, PDFs in an embedded viewer, anything else as a link. */
export const AttachmentPreview = ({ attachment, height = 360 }: { attachment: AttachmentRecord; height?: number }) => {
  const translate = useTranslate();
  const { url, type, error, loading } = useAttachmentUrl(attachment.id);
  if (loading) return <Loading />;
  if (error || !url) return <ErrorBox error={error} title="app.attachments.load_error" />;
  const contentType = attachment.contentType || type || '';
  const open = (
    <Link href={url} target="_blank" rel="noopener" download={attachment.fileName} variant="body2">
      <OpenInNewIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
      {translate('app.attachments.open')}
    </Link>
  );
  if (contentType.startsWith('image/')) {
    return (
      <Box>
        <Box
          component="img"
          src={url}
          alt={attachment.fileName}
          sx={{ maxWidth: '100%', maxHeight: height, objectFit: 'contain', border: 1, borderColor: 'divider', display: 'block' }}
        />
        {open}
      </Box>
    );
  }
  if (contentType === 'application/pdf') {
    return (
      <Box>
        <Box component="object" data={url} type="application/pdf" sx={{ width: '100%', height, border: 1, borderColor: 'divider' }}>
          <Typography variant="body2">{translate('app.attachments.no_pdf_viewer')}</Typography>
        </Box>
        {open}
      </Box>
    );
  }
  return open;
};

/** Upload (or replace) the file of one kind: POST /api/<resource>/:id/attachments?kind=… */
export const AttachmentUploadButton = ({ kind, replace }: { kind: AttachmentKind; replace: boolean }) => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource, action: 'upload', record });
  if (!record || !canAccess) return null;

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkUpload(kind, file);
    if (problem) {
      notify(problem[0], { type: 'warning', messageArgs: problem[1] });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.uploadAttachment(resource, record.id, kind, file);
      notify('app.attachments.uploaded', { type: 'success', messageArgs: { name: file.name } });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', messageArgs: { _: errorMessage(error) } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input ref={input} type="file" hidden accept={ACCEPTED_TYPES[kind].join(',')} onChange={onChange} />
      <Button
        variant="outlined"
        label={busy ? 'app.attachments.uploading' : replace ? 'app.attachments.replace' : 'app.attachments.upload'}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        <UploadFileIcon />
      </Button>
    </>
  );
};

/** A PDF shown only when asked for (Chrome's PDF viewer takes the focus and scrolls the page to itself). */
const PreviewOnDemand = ({ attachment, height }: { attachment: AttachmentRecord; height?: number }) => {
  const [open, setOpen] = useState(false);
  if (open || attachment.contentType !== 'application/pdf') return <AttachmentPreview attachment={attachment} height={height} />;
  return (
    <Button label="app.attachments.preview" onClick={() => setOpen(true)}>
      <VisibilityIcon />
    </Button>
  );
};

/**
 * One card per attachment kind of the form: file name, size, preview, and upload for the owner.
 * `pdfOnDemand` keeps PDFs folded until asked for (the edit page, where the form comes first).
 */
export const AttachmentsPanel = ({ kinds, height, pdfOnDemand }: { kinds: AttachmentKind[]; height?: number; pdfOnDemand?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useCodeLabel();
  if (!record) return null;
  const attachments = (Array.isArray(record.attachments) ? record.attachments : []) as AttachmentRecord[];
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ width: '100%' }}>
      {kinds.map((kind) => {
        const file = attachments.find((a) => a.kind === kind);
        return (
          <Card key={kind} variant="outlined" sx={{ flex: 1, minWidth: 0 }}>
            <CardHeader
              title={label('attachment_kind', kind)}
              subheader={
                file
                  ? `${file.fileName} · ${formatBytes(file.size)}`
                  : translate('app.attachments.missing', { types: typesLabel(kind), max: formatBytes(MAX_BYTES[kind]) })
              }
              slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'body2' } }}
              action={<AttachmentUploadButton kind={kind} replace={!!file} />}
            />
            {file && (
              <CardContent sx={{ pt: 0 }}>
                {pdfOnDemand ? (
                  <PreviewOnDemand key={String(file.id)} attachment={file} height={height} />
                ) : (
                  <AttachmentPreview attachment={file} height={height} />
                )}
              </CardContent>
            )}
          </Card>
        );
      })}
    </Stack>
  );
};

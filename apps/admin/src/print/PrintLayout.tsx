import type { ReactNode } from 'react';
import { Box, Button, GlobalStyles, Stack } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Authenticated, useGetOne, useNavigate, useParams, useTranslate, type RaRecord } from 'react-admin';
import { ErrorBox, Loading } from '../common/states';

/** Paper-like tables: black rules, A4 width, nothing of the console when printed. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4', margin: '15mm' },
      '@media print': {
        body: { background: '#fff' },
        '.no-print': { display: 'none !important' },
        '.paper': { boxShadow: 'none !important', margin: '0 !important', padding: '0 !important', width: 'auto !important' },
      },
      '.paper-table': { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '14px' },
      '.paper-table th, .paper-table td': {
        border: '1px solid #000',
        padding: '6px 8px',
        verticalAlign: 'middle',
        wordBreak: 'break-word',
        lineHeight: 1.6,
      },
      '.paper-table th': { fontWeight: 'normal', textAlign: 'center', width: '16%' },
      '.paper-table td.text': { whiteSpace: 'pre-wrap', verticalAlign: 'top', height: '90px' },
      '.paper-title': { textAlign: 'center', fontSize: '20px', fontWeight: 700, margin: '8px 0 16px', lineHeight: 1.5 },
      '.paper-annex': { fontSize: '16px', fontWeight: 700 },
      '.paper-notes': { fontSize: '12px', marginTop: '8px', lineHeight: 1.8 },
      '.paper-sign': { textAlign: 'right', marginTop: '8px' },
    }}
  />
);

/**
 * The print page of one application (route /<resource>/:id/print, outside the console's
 * layout): loads the record, shows a print button, and renders the paper form.
 */
export const PrintPage = ({ resource, children }: { resource: string; children: (record: RaRecord) => ReactNode }) => {
  const { id } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useGetOne(resource, { id: id! }, { enabled: !!id });
  return (
    <Authenticated>
      {printStyles}
      <Box sx={{ bgcolor: 'grey.200', minHeight: '100vh', py: 2, '@media print': { bgcolor: '#fff', py: 0 } }}>
        <Stack direction="row" spacing={1} className="no-print" sx={{ justifyContent: 'center', mb: 2 }}>
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!data}>
            {translate('app.print.print')}
          </Button>
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate(`/${resource}/${encodeURIComponent(String(id))}/show`)}>
            {translate('app.print.back')}
          </Button>
        </Stack>
        <Box
          className="paper"
          sx={{ width: '210mm', maxWidth: '100%', mx: 'auto', bgcolor: '#fff', color: '#000', p: '15mm', boxShadow: 2, boxSizing: 'border-box' }}
        >
          {isPending ? <Loading /> : error || !data ? <ErrorBox error={error} onRetry={() => refetch()} /> : children(data)}
        </Box>
      </Box>
    </Authenticated>
  );
};

/** ☑ or ☐ before each label, like the paper form's check boxes. */
export const Boxes = ({ options, checked }: { options: { code: string; label: ReactNode }[]; checked: readonly unknown[] }) => (
  <>
    {options.map((o) => (
      <span key={o.code} style={{ marginRight: '1.2em', whiteSpace: 'nowrap' }}>
        {checked.map(String).includes(o.code) ? '☑' : '☐'} {o.label}
      </span>
    ))}
  </>
);

export const show = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

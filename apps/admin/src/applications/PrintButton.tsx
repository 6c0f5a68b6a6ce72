import PrintIcon from '@mui/icons-material/Print';
import { Button, useRecordContext, useResourceContext } from 'react-admin';

/** Opens the paper-layout print view (#/<resource>/:id/print) in a new tab. */
export const PrintButton = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  if (!record || !resource) return null;
  return (
    <Button
      label="app.print.button"
      onClick={() => window.open(`#/${resource}/${encodeURIComponent(String(record.id))}/print`, '_blank', 'noopener')}
    >
      <PrintIcon />
    </Button>
  );
};

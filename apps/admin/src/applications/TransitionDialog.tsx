import { useState, type ReactNode } from 'react';
import {
  Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { COMMENT_REQUIRED, type Action, type Finding } from '@alliance/domain';
import { useCodeLabel } from '../common/fields';
import { FindingsPanel } from './FindingsPanel';

/** Actions whose dialog offers a comment (required for return and reject). */
const COMMENTED: readonly Action[] = ['school_approve', 'center_approve', 'admit', 'return', 'reject'];
export const commentNeeded = (action: Action): boolean => COMMENT_REQUIRED.includes(action);
export const commentOffered = (action: Action): boolean => COMMENTED.includes(action);

/**
 * Confirmation of a workflow action. It stays open while the request runs (pessimistic: the
 * state changes and the mail is queued only when the server answers; there is no undo).
 */
export const TransitionDialog = ({
  open,
  action,
  description,
  busy,
  findings,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  action: Action;
  description: ReactNode;
  busy: boolean;
  findings?: Finding[];
  error?: string | null;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const [comment, setComment] = useState('');
  const required = commentNeeded(action);
  const missing = required && comment.trim() === '';
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{label('action', action)}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div" sx={{ mb: 1 }}>
          {description}
        </DialogContentText>
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {translate('app.transition.no_undo')}
        </Alert>
        {findings && findings.length > 0 && (
          <Box sx={{ mb: 2 }}>
            <FindingsPanel findings={findings} audience="applicant" />
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {commentOffered(action) && (
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label={translate(required ? 'app.transition.comment_required' : 'app.transition.comment_optional')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={missing && comment !== ''}
            required={required}
            disabled={busy}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          color={action === 'reject' ? 'error' : action === 'return' ? 'warning' : 'primary'}
          onClick={() => onConfirm(comment)}
          disabled={busy || missing}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {translate('app.transition.confirm', { action: label('action', action) })}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

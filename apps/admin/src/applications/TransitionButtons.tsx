import { useState, type ReactElement } from 'react';
import { Stack, Tooltip } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import UndoIcon from '@mui/icons-material/Undo';
import BlockIcon from '@mui/icons-material/Block';
import SendIcon from '@mui/icons-material/Send';
import ReplyIcon from '@mui/icons-material/Reply';
import {
  Button, useDataProvider, useLogoutIfAccessDenied, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate,
} from 'react-admin';
import { ACTIONS, type Action, type Finding } from '@alliance/domain';
import { recordAllows } from '../auth/access';
import { blockingFindings, type AllianceDataProvider } from '../data/dataProvider';
import { errorMessage, errorStatus } from '../data/http';
import { useCodeLabel } from '../common/fields';
import { recordBlocks } from './FindingsPanel';
import { TransitionDialog } from './TransitionDialog';

export const ACTION_ICON: Record<Action, ReactElement> = {
  submit: <SendIcon />,
  withdraw: <UndoIcon />,
  school_approve: <CheckIcon />,
  center_approve: <CheckIcon />,
  admit: <DoneAllIcon />,
  return: <ReplyIcon />,
  reject: <BlockIcon />,
};
export const ACTION_COLOR: Record<Action, 'primary' | 'success' | 'warning' | 'error' | 'inherit'> = {
  submit: 'primary',
  withdraw: 'inherit',
  school_approve: 'success',
  center_approve: 'success',
  admit: 'success',
  return: 'warning',
  reject: 'error',
};

/** A short description of the record for dialogs: the school and, for members, the person. */
export const useRecordTitle = () => {
  const record = useRecordContext();
  return [record?.name, (record?.school as { name?: string } | undefined)?.name].filter(Boolean).join(' · ') || `#${record?.id ?? ''}`;
};

/**
 * One workflow action on the current record: shown only when the server lists it in the
 * record's allowedActions. A submit with blocking findings is disabled (the findings say why).
 */
export const TransitionButton = ({ action }: { action: Action }) => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = useCodeLabel();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const title = useRecordTitle();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);

  if (!record || !recordAllows(record, action)) return null;
  const blocked = action === 'submit' && recordBlocks(record);

  const confirm = async (comment: string) => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.transition(resource, record.id, action, comment);
      notify('app.transition.done', { type: 'success', messageArgs: { action: label('action', action), title } });
      setOpen(false);
      refresh();
    } catch (e) {
      if (errorStatus(e) === 401) {
        await logoutIfAccessDenied(e);
        return;
      }
      setFindings(blockingFindings(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const button = (
    <Button
      label={label('action', action)}
      color={ACTION_COLOR[action]}
      variant={action === 'submit' || action.endsWith('approve') || action === 'admit' ? 'contained' : 'outlined'}
      disabled={blocked}
      onClick={() => {
        setFindings([]);
        setError(null);
        setOpen(true);
      }}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {ACTION_ICON[action]}
    </Button>
  );
  return (
    <>
      {blocked ? (
        <Tooltip title={translate('app.transition.blocked')}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      {open && (
        <TransitionDialog
          open={open}
          action={action}
          busy={busy}
          findings={findings}
          error={error}
          description={translate(`app.transition.describe.${action}`, { title })}
          onConfirm={confirm}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

/** Every action the record allows now, in the workflow's order. */
export const TransitionActions = ({ only }: { only?: readonly Action[] }) => {
  const record = useRecordContext();
  if (!record) return null;
  const actions = ACTIONS.filter((a) => recordAllows(record, a) && (!only || only.includes(a)));
  if (actions.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {actions.map((a) => (
        <TransitionButton key={a} action={a} />
      ))}
    </Stack>
  );
};

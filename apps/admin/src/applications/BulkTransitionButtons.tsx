import { useState } from 'react';
import {
  Button, useDataProvider, useListContext, useLogoutIfAccessDenied, useNotify, usePermissions, useRefresh, useTranslate,
  type Identifier, type RaRecord,
} from 'react-admin';
import type { Action, Role } from '@alliance/domain';
import { bulkActionsFor } from '../auth/access';
import type { AllianceDataProvider } from '../data/dataProvider';
import { errorMessage, errorStatus } from '../data/http';
import { eligibleIds, summarizeBulk } from '../lib/bulk';
import { useCodeLabel } from '../common/fields';
import { ACTION_COLOR, ACTION_ICON } from './TransitionButtons';
import { TransitionDialog } from './TransitionDialog';

/**
 * One workflow action over the selected rows. Rows whose allowedActions lack it are skipped
 * (the dialog says how many). Each application is its own request, transaction and mail.
 */
export const BulkTransitionButton = ({ action }: { action: Action }) => {
  const { selectedIds, data, resource, onUnselectItems } = useListContext<RaRecord>();
  const dataProvider = useDataProvider<AllianceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = useCodeLabel();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ids: Identifier[] = eligibleIds(selectedIds, data ?? [], action);
  const skipped = selectedIds.length - ids.length;

  const confirm = async (comment: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await dataProvider.transitionMany(resource, ids, action, comment);
      const unauthorized = result.failed.find((f) => errorStatus(f.error) === 401);
      if (unauthorized) {
        await logoutIfAccessDenied(unauthorized.error);
        return;
      }
      const summary = summarizeBulk(result);
      notify(summary.key, {
        type: summary.failed === 0 ? 'success' : summary.succeeded === 0 ? 'error' : 'warning',
        messageArgs: {
          action: label('action', action),
          succeeded: summary.succeeded,
          failed: summary.failed,
          error: result.failed[0] ? errorMessage(result.failed[0].error) : '',
        },
        multiLine: true,
      });
      setOpen(false);
      onUnselectItems();
      refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={label('action', action)}
        color={ACTION_COLOR[action]}
        disabled={ids.length === 0}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {ACTION_ICON[action]}
      </Button>
      {open && (
        <TransitionDialog
          open={open}
          action={action}
          busy={busy}
          error={error}
          description={
            <>
              {translate('app.bulk.describe', { smart_count: ids.length, action: label('action', action) })}
              {skipped > 0 && <div>{translate('app.bulk.skipped', { smart_count: skipped })}</div>}
            </>
          }
          onConfirm={confirm}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

/** The bulk actions of the user's roles (school: approve; center and lead: approve/admit, return, reject). */
export const BulkTransitionButtons = () => {
  const { permissions } = usePermissions<Role[]>();
  return (
    <>
      {bulkActionsFor(permissions).map((a) => (
        <BulkTransitionButton key={a} action={a} />
      ))}
    </>
  );
};

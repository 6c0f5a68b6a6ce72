import { useState, type ReactElement } from 'react';
import { Button, Confirm, useNotify, useRefresh } from 'react-admin';
import { errorMessage } from '../data/http';

/**
 * A button for a request that sends or cancels something and cannot be undone: a confirmation
 * first, then the request; success or the server's error as a notification, then a refresh.
 */
export const ConfirmedActionButton = ({
  label, icon, color = 'primary', title, content, run, done,
}: {
  label: string;
  icon: ReactElement;
  color?: 'primary' | 'error';
  title: string;
  content: string;
  run: () => Promise<unknown>;
  /** The success notification: a message key and its arguments. */
  done: [key: string, args: Record<string, unknown>];
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await run();
      notify(done[0], { type: 'success', messageArgs: done[1] });
      refresh();
    } catch (e) {
      notify(errorMessage(e), { type: 'error', messageArgs: { _: errorMessage(e) } });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label={label}
        color={color}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Confirm isOpen={open} loading={busy} title={title} content={content} onConfirm={confirm} onClose={() => setOpen(false)} />
    </>
  );
};

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, Heading } from './ui.tsx';

/**
 * A modal dialog on the native <dialog>: the page behind it is inert, Escape closes it,
 * and focus goes back to where it was (or to the page heading when that is gone, e.g.
 * the button of an action that just succeeded). Render it only while it is open.
 */
export function Dialog({
  title,
  onClose,
  alert = false,
  children,
}: {
  title: string;
  onClose: () => void;
  /** A question that interrupts (role alertdialog), rather than a task. */
  alert?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Decide once the page has settled: the opener may leave in the same update.
      window.setTimeout(() => {
        const target = opener?.isConnected
          ? opener
          : document.querySelector<HTMLElement>('main h1[tabindex]');
        target?.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="app-dialog"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the owner decides (a half-filled form asks first).
        event.preventDefault();
        onClose();
      }}
    >
      <Heading level={2} id={titleId}>
        {title}
      </Heading>
      {children}
    </dialog>
  );
}

/** A yes/no question; the safe answer comes first and has the focus. */
export function ConfirmDialog({
  title,
  children,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  title: string;
  children: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={title} onClose={onCancel} alert>
      {children}
      <div className="utrecht-button-group app-submit-bar">
        <Button onClick={onCancel}>{cancelLabel}</Button>
        <Button appearance="secondary-action" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

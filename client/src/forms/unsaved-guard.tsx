import { useEffect, type ReactNode } from 'react';
import { useBlocker, type Location } from 'react-router';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { Paragraph } from '../components/ui.tsx';

const openForms = new Set<() => boolean>();
let leavingOnPurpose = false;

/** Whether a form on the page holds input that was not sent, e.g. before logging out. */
export function hasUnsavedForm(): boolean {
  return [...openForms].some((isDirty) => isDirty());
}

/** The user chose to leave anyway (logging out): the browser should not ask again. */
export function leaveWithoutAsking(): void {
  leavingOnPurpose = true;
}

/**
 * Whether a navigation takes the form off the screen: another page, or a change of one of
 * the search parameters that decide whether it is shown (the open form, the tab it is on).
 */
export function leavesForm(
  current: Pick<Location, 'pathname' | 'search'>,
  next: Pick<Location, 'pathname' | 'search'>,
  keepsOn: readonly string[],
): boolean {
  if (current.pathname !== next.pathname) return true;
  const before = new URLSearchParams(current.search);
  const after = new URLSearchParams(next.search);
  return keepsOn.some((param) => before.get(param) !== after.get(param));
}

/**
 * Asks before input is lost: for navigation inside the app with a dialog, for closing or
 * reloading the tab with the browser's own question. Returns the dialog to render.
 */
export function useUnsavedGuard(
  isDirty: () => boolean,
  keepsOn: readonly string[],
  onDiscard: () => void,
): ReactNode {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty() && leavesForm(currentLocation, nextLocation, keepsOn),
  );
  useEffect(() => {
    openForms.add(isDirty);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leavingOnPurpose || !isDirty()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      openForms.delete(isDirty);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [isDirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title="Formulier niet opgeslagen"
      cancelLabel="Terug naar het formulier"
      confirmLabel="Weggaan zonder opslaan"
      onCancel={() => blocker.reset()}
      onConfirm={() => {
        onDiscard();
        blocker.proceed();
      }}
    >
      <Paragraph>
        U heeft dit formulier nog niet opgeslagen. Als u weggaat, gaat wat u heeft ingevuld
        verloren.
      </Paragraph>
    </ConfirmDialog>
  );
}

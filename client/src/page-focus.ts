import { useEffect } from 'react';

const APP_NAME = 'Heroriëntatie';

/** Each page names itself in the browser tab and in the screen reader's window title. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
  }, [title]);
}

let headingFocusPending = false;

/**
 * After navigating, focus goes to the new page's main heading, so keyboard and screen
 * reader users start at the top of what changed. A page that is still loading gets it
 * when its heading appears.
 */
export function focusMainHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1[tabindex]');
  if (heading) {
    headingFocusPending = false;
    heading.focus();
  } else {
    headingFocusPending = true;
  }
}

/** For a main heading that just appeared: whether it should take the focus. */
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

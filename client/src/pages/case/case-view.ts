import { useSearchParams } from 'react-router';

/** Search parameters of the case page: which tab shows and which form is open. */
export const TAB_PARAM = 'tab';
export const FORM_PARAM = 'formulier';

/** A form on the actions panel stays while the open form does. */
export const PANEL_KEEPS_ON = [FORM_PARAM] as const;
/** A form on a card in a tab also goes when the tab changes. */
export const CARD_KEEPS_ON = [FORM_PARAM, TAB_PARAM] as const;

/**
 * The tab and the open form live in the address, so logging in again (which returns to
 * the same address) reopens the form with its draft, and switching is a navigation the
 * unsaved-form guard can hold.
 */
export function useCaseView() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return {
    tab: params.get(TAB_PARAM) ?? 'timeline',
    form: params.get(FORM_PARAM),
    setTab: (tab: string) => update({ [TAB_PARAM]: tab === 'timeline' ? null : tab }),
    openForm: (form: string) => update({ [FORM_PARAM]: form }),
    closeForm: () => update({ [FORM_PARAM]: null }),
  };
}

export type CaseView = ReturnType<typeof useCaseView>;

/** The form of one record on a card, e.g. `endRoute.<route id>`. */
export const cardForm = (kind: string, recordId: string) => `${kind}.${recordId}`;

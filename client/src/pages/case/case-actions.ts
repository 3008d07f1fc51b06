import {
  can,
  isOpen,
  type CaseAction,
  type CaseDetail,
  type Principal,
} from '@herorientatie/domain';

/** Forms that open under "Wat wilt u doen?". */
export const PANEL_FORMS = [
  'scheduleIntake',
  'recordIntake',
  'startRoute',
  'contact',
  'analysis',
  'coaching',
  'document',
  'letter',
  'withdraw',
  'settings',
  'entrepreneur',
] as const;
export type PanelForm = (typeof PANEL_FORMS)[number];
/** Steps that ask in a dialog. */
export type DialogForm = 'close' | 'reopen';
export type ActionKey = PanelForm | DialogForm;

export const ACTION_LABELS: Record<ActionKey, string> = {
  scheduleIntake: 'Intake plannen',
  recordIntake: 'Intake vastleggen',
  startRoute: 'Route starten',
  contact: 'Contact vastleggen',
  analysis: 'Analyse perspectief',
  coaching: 'Coaching',
  document: 'Document toevoegen',
  letter: 'Brief maken',
  close: 'Afsluiten',
  withdraw: 'Terugtrekken',
  reopen: 'Heropenen',
  settings: 'Dossier wijzigen',
  entrepreneur: 'Gegevens ondernemer wijzigen',
};

/** Steps of the status machine: shown when the server says they can be taken now. */
const MACHINE_STEPS: Partial<Record<ActionKey, CaseAction>> = {
  scheduleIntake: 'scheduleIntake',
  recordIntake: 'recordIntake',
  startRoute: 'startRoute',
  close: 'close',
  withdraw: 'withdraw',
  reopen: 'reopen',
};

const ORDER: ActionKey[] = [
  'scheduleIntake',
  'recordIntake',
  'startRoute',
  'contact',
  'analysis',
  'coaching',
  'document',
  'letter',
  'close',
  'withdraw',
  'reopen',
  'settings',
  'entrepreneur',
];

type CaseFacts = Pick<CaseDetail, 'status' | 'allowedActions' | 'hasIntake' | 'advisorId'>;

/** What the user can do with this case now, in the order the buttons show. */
export function availableActions(detail: CaseFacts, user: Principal): ActionKey[] {
  if (!can(user, 'case:write', detail)) return [];
  const open = isOpen(detail.status);
  const shows: Record<ActionKey, boolean> = {
    ...Object.fromEntries(ORDER.map((key) => [key, false])),
    // Contacts and documents also follow up a closed or withdrawn case.
    contact: true,
    document: true,
    // A letter may follow a closed case too (the closing letter).
    letter: true,
    analysis: open && detail.hasIntake,
    coaching: open && detail.hasIntake,
    settings: open,
    entrepreneur: can(user, 'entrepreneur:write'),
  } as Record<ActionKey, boolean>;
  for (const [key, step] of Object.entries(MACHINE_STEPS)) {
    shows[key as ActionKey] = detail.allowedActions.includes(step);
  }
  return ORDER.filter((key) => shows[key]);
}

/** Changes to the records of a case (end a route, update coaching, correct): open cases only. */
export function canChangeRecords(detail: CaseFacts, user: Principal): boolean {
  return isOpen(detail.status) && can(user, 'case:write', detail);
}

/**
 * Drafts of half-filled forms, kept in the browser tab's sessionStorage so an ended
 * session, a reload or a wrong click loses nothing. A draft belongs to one user, one
 * subject (a case, or a new registration) and one form; logging out removes them all.
 */

export type DraftValues = Record<string, unknown>;

/** The part of the Storage interface drafts use; tests pass their own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'herorientatie:draft:';

/** Never kept in a draft: a full BSN does not belong in browser storage. */
const SENSITIVE = new Set(['bsn']);

const sessionStore = (): DraftStorage | undefined =>
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage;

export function draftKey(userId: string, subject: string, form: string): string {
  return `${PREFIX}${userId}:${subject}:${form}`;
}

function withoutSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSensitive);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SENSITIVE.has(key))
        .map(([key, v]) => [key, withoutSensitive(v)]),
    );
  }
  return value;
}

export function saveDraft(
  key: string,
  values: DraftValues,
  storage: DraftStorage | undefined = sessionStore(),
): void {
  try {
    storage?.setItem(
      key,
      JSON.stringify({ savedAt: Date.now(), values: withoutSensitive(values) }),
    );
  } catch {
    // A full or blocked storage only means no draft; the form itself keeps working.
  }
}

export function loadDraft(
  key: string,
  storage: DraftStorage | undefined = sessionStore(),
): DraftValues | null {
  const raw = storage?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { values?: unknown };
    if (parsed.values && typeof parsed.values === 'object' && !Array.isArray(parsed.values)) {
      return parsed.values as DraftValues;
    }
  } catch {
    // Unreadable: treat as no draft, below.
  }
  storage?.removeItem(key);
  return null;
}

export function clearDraft(key: string, storage: DraftStorage | undefined = sessionStore()): void {
  storage?.removeItem(key);
}

function draftKeys(storage: DraftStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** Whether any draft waits in this tab, e.g. to tell someone who logs in again. */
export function hasDrafts(storage: DraftStorage | undefined = sessionStore()): boolean {
  return storage ? draftKeys(storage).length > 0 : false;
}

/** Removes every draft in this tab: on logout nothing typed should stay behind. */
export function clearAllDrafts(storage: DraftStorage | undefined = sessionStore()): void {
  if (storage) draftKeys(storage).forEach((key) => storage.removeItem(key));
}

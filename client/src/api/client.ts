import { problemType, type FieldError, type Problem } from '@herorientatie/domain';

/** An API failure with the server's problem details (Dutch title and field errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `De server antwoordde met status ${status}.`);
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /**
   * Whether the answer means the session may be gone: a 401, or a refused CSRF token
   * (the token lives in the session, so a request after the session ended fails on it).
   */
  get sessionMayHaveEnded(): boolean {
    return this.status === 401 || this.problem?.type === problemType('csrf');
  }
}

let csrfToken: string | undefined;
let lastServerContact = Date.now();
const contactListeners = new Set<() => void>();

/** When the server last saw this session: every request extends its idle limit. */
export function lastContactWithServer(): number {
  return lastServerContact;
}

export function onServerContact(listener: () => void): () => void {
  contactListeners.add(listener);
  return () => contactListeners.delete(listener);
}

/** The server hands out the token with /me; every state-changing request sends it back. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

export async function apiFetch<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    formData?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path.startsWith('/') ? path : `/api/v1/${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.formData ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  lastServerContact = Date.now();
  contactListeners.forEach((listener) => listener());
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json') ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

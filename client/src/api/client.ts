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

function touchedServer() {
  lastServerContact = Date.now();
  contactListeners.forEach((listener) => listener());
}

const apiUrl = (path: string) => (path.startsWith('/') ? path : `/api/v1/${path}`);

export async function apiFetch<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    formData?: FormData;
    headers?: Record<string, string>;
    /** `blob` for a file (a PDF to show), JSON otherwise. */
    as?: 'blob';
  } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: init.as === 'blob' ? '*/*' : 'application/json',
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path), {
    method,
    headers,
    credentials: 'same-origin',
    body: init.formData ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  touchedServer();
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json') ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  if (init.as === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}

/** How far an upload is: bytes sent of the total, or `null` once the server is working on it. */
export type UploadProgress = { sent: number; total: number } | null;

/**
 * Sends a file as multipart form data (field `file`) and reports how much has gone: fetch
 * cannot tell upload progress, XMLHttpRequest can. Errors come back as the same ApiError.
 */
export function apiUpload<T>(
  path: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path));
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.withCredentials = true;
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded, total: event.total });
    };
    // Everything is sent: what is left is the server reading the file.
    request.upload.onload = () => onProgress(null);
    request.onload = () => {
      touchedServer();
      const type = request.getResponseHeader('content-type') ?? '';
      let body: unknown;
      try {
        body =
          type.includes('json') && request.responseText
            ? JSON.parse(request.responseText)
            : undefined;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiError(request.status, body as Problem | undefined));
    };
    request.onerror = () => reject(new TypeError('network'));
    request.onabort = () => reject(new DOMException('Het versturen is afgebroken.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append('file', file);
    request.send(body);
  });
}

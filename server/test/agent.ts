import { CookieJar } from 'tough-cookie';
import { DEMO_PASSWORD } from '../src/modules/auth/demo-accounts.ts';

export interface AgentResponse {
  status: number;
  headers: Headers;
  text: string;
  url: string;
  json<T = unknown>(): T;
}

/** A browser-like HTTP client with a cookie jar, driving the real login flow. */
export class Agent {
  readonly jar = new CookieJar();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      form?: Record<string, string>;
      formData?: FormData;
      headers?: Record<string, string>;
      follow?: boolean;
    } = {},
  ): Promise<AgentResponse> {
    let url = new URL(path, this.baseUrl).toString();
    let currentMethod = method;
    let body: string | FormData | undefined = options.formData;
    const headers: Record<string, string> = { ...options.headers };
    if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    for (let hops = 0; hops < 20; hops++) {
      const cookie = await this.jar.getCookieString(url);
      const response = await fetch(url, {
        method: currentMethod,
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
        body,
        redirect: 'manual',
      });
      for (const setCookie of response.headers.getSetCookie()) {
        await this.jar.setCookie(setCookie, url);
      }
      const location = response.headers.get('location');
      if (options.follow && location && response.status >= 300 && response.status < 400) {
        url = new URL(location, url).toString();
        currentMethod = 'GET';
        body = undefined;
        delete headers['content-type'];
        continue;
      }
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        url,
        json: () => JSON.parse(text),
      };
    }
    throw new Error('Too many redirects');
  }

  /** Uploads one file as multipart/form-data in the field `file`. */
  upload(
    path: string,
    filename: string,
    content: Buffer | string,
    type = 'application/octet-stream',
    fields: Record<string, string> = {},
    method: 'POST' | 'PUT' = 'POST',
  ) {
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.append(name, value);
    formData.append('file', new Blob([content], { type }), filename);
    return this.request(method, path, {
      formData,
      headers: this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {},
    });
  }

  /** A download's bytes, as the browser saves them (PDFs, spreadsheets). */
  async bytes(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const url = new URL(path, this.baseUrl).toString();
    const cookie = await this.jar.getCookieString(url);
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  get(path: string, follow = false) {
    return this.request('GET', path, { follow });
  }

  /** A state-changing request with the CSRF token, as the client app sends it. */
  send(method: string, path: string, body?: unknown) {
    return this.request(method, path, {
      body,
      headers: this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {},
    });
  }

  /** Runs the full OpenID Connect login at the development provider. */
  async login(username: string, password = DEMO_PASSWORD): Promise<AgentResponse> {
    const loginPage = await this.get('/auth/login', true);
    if (loginPage.status !== 200 || !loginPage.url.includes('/oidc/interaction/')) {
      throw new Error(
        `Expected the provider's login page, got ${loginPage.status} at ${loginPage.url}`,
      );
    }
    const action = /action="([^"]+)"/.exec(loginPage.text)?.[1];
    if (!action) throw new Error('No login form found');
    const result = await this.request('POST', action, {
      form: { username, password },
      follow: true,
    });
    const me = await this.get('/api/v1/me');
    if (me.status === 200) this.csrfToken = me.json<{ csrfToken: string }>().csrfToken;
    return result;
  }

  async sessionCookie(): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(this.baseUrl);
    return cookies.find((c) => c.key === 'hr.sid')?.value;
  }
}

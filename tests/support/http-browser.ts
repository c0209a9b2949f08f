import { request } from 'node:http';

/**
 * A minimal browser for a server listening on a real socket: keeps cookies,
 * sends the Host and Origin a browser would (`*.localhost` names reach the
 * loopback address, as Chromium resolves them), follows no redirect. The
 * socket-level twin of `Browser` in tests/accounts/support.ts.
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class HttpBrowser {
  readonly cookies: Map<string, string>;
  readonly origin: string;
  readonly #url: URL;
  readonly #connectTo: { host: string; port: number };

  /** `origin` as the visitor types it; `connectTo` where it really is (nginx or the server). */
  constructor(origin: string, connectTo?: { host?: string; port: number }, cookies = new Map<string, string>()) {
    this.origin = origin;
    this.cookies = cookies;
    this.#url = new URL(origin);
    this.#connectTo = { host: connectTo?.host ?? '127.0.0.1', port: connectTo?.port ?? Number(this.#url.port || 80) };
  }

  /** The same visitor, cookies and all, reaching another server behind the same name (another instance). */
  via(port: number): HttpBrowser {
    return new HttpBrowser(this.origin, { host: this.#connectTo.host, port }, this.cookies);
  }

  request(
    path: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    const method = init.method ?? (init.form || init.json !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { host: this.#url.host, ...init.headers };
    if (method !== 'GET') headers.origin ??= this.origin;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    return new Promise((resolve, reject) => {
      const req = request({ ...this.#connectTo, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair, ...attributes] = line.split(';');
            const [name, value] = pair!.split('=');
            if (attributes.some((a) => /max-age=0/i.test(a.trim())) || !value) this.cookies.delete(name!.trim());
            else this.cookies.set(name!.trim(), value);
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  signIn(username: string, password: string): Promise<HttpAnswer> {
    return this.request('/quan-tri/dang-nhap', { form: { username, password } });
  }

  /** Signs in with a one-time password and sets a chosen one, as the first sign-in requires (Điều 11.2). */
  async signInFully(username: string, oneTimePassword: string, newPassword = 'sông Hương chiều thu'): Promise<void> {
    const first = await this.signIn(username, oneTimePassword);
    if (first.status !== 303)
      throw new Error(`sign-in of ${username} failed: ${first.status} ${first.text.slice(0, 300)}`);
    const changed = await this.request('/quan-tri/doi-mat-khau', {
      form: { currentPassword: oneTimePassword, newPassword, confirmation: newPassword },
    });
    if (changed.status !== 303) throw new Error(`password change of ${username} failed: ${changed.status}`);
  }
}

/** Asks until `ok` holds or `ms` pass; the last answer either way. */
export async function poll(
  ask: () => Promise<HttpAnswer>,
  ok: (a: HttpAnswer) => boolean,
  ms: number,
): Promise<HttpAnswer> {
  const until = Date.now() + ms;
  for (;;) {
    const answer = await ask().catch((error: Error) => ({ status: 0, headers: {}, text: error.message }));
    if (ok(answer) || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

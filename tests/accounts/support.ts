import type { Role } from '#src/schema/roles.ts';
import { createApp } from '#server/platform/app.ts';
import { createPasswordHasher, type PasswordHasher } from '#server/accounts/password-hash.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { createServices, type Services } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';

export const DEPARTMENTS: DepartmentRef[] = [
  { id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] },
  { id: 'soyte', name: 'Sở Y tế', domains: ['soyte.thuathienhue.gov.vn'] },
];

export function cheapHasher(): PasswordHasher {
  return createPasswordHasher({ memory: 64, passes: 1, parallelism: 1 });
}

/** Counts verifications: proves unknown users and wrong passwords cost the same work. */
export function countingHasher(): PasswordHasher & { verifications: number } {
  const inner = cheapHasher();
  const counting = {
    verifications: 0,
    hash: inner.hash,
    dummyHash: inner.dummyHash,
    async verify(password: string, encoded: string) {
      counting.verifications += 1;
      return inner.verify(password, encoded);
    },
  };
  return counting;
}

/** A clock tests move by hand: lockouts and expiries without sleeping. */
export function manualClock(start = Date.UTC(2026, 0, 5, 2, 0, 0)) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  storage: Storage;
  clock: ReturnType<typeof manualClock>;
  /** Creates an account as the shell operator would; returns username and one-time password. */
  addAccount(
    fullName: string,
    role: Role,
    departmentId?: string | null,
    sections?: string[],
  ): Promise<{ username: string; password: string; id: string }>;
}

/**
 * The app on an in-memory SQLite store with a cheap argon2 (the production
 * cost is checked in password-hash.test.ts, not paid in every test).
 */
export async function createTestApp(
  options: {
    storage?: Storage;
    departments?: DepartmentRef[];
    hasher?: PasswordHasher;
    mail?: MailOptions | null;
    /** The built sites the app serves; `dist/` of the working folder by default. */
    distDir?: string;
  } = {},
): Promise<TestApp> {
  const storage = options.storage ?? openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const clock = manualClock();
  const departments = options.departments ?? DEPARTMENTS;
  const services = createServices({
    storage,
    departments,
    clock,
    hasher: options.hasher ?? cheapHasher(),
    mail: options.mail,
  });
  const app = createApp({ storage, departments, services, distDir: options.distDir });
  return {
    app,
    services,
    storage,
    clock,
    async addAccount(fullName, role, departmentId = role === 'admin' ? null : 'sotuphap', sections) {
      const { account, oneTimePassword } = await services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId, sections },
        NO_REQUEST,
      );
      return { username: account.username, password: oneTimePassword, id: account.id };
    },
  };
}

/**
 * A minimal browser over `app.request`: keeps cookies per host, sends the
 * Origin a real form post would, follows nothing (tests look at redirects).
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  private readonly testApp: TestApp;
  readonly host: string;
  readonly ip: string;

  constructor(testApp: TestApp, host = 'sotuphap.localhost', ip = '192.0.2.10') {
    this.testApp = testApp;
    this.host = host;
    this.ip = ip;
  }

  get origin(): string {
    return `http://${this.host}`;
  }

  async request(
    path: string,
    init: {
      method?: string;
      form?: Record<string, string | string[]>;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    const method = init.method ?? (init.form || init.json !== undefined ? 'POST' : 'GET');
    if (method !== 'GET' && !headers.has('origin') && !headers.has('x-no-origin')) headers.set('origin', this.origin);
    headers.delete('x-no-origin');
    if (this.cookies.size > 0 && !headers.has('cookie'))
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body: BodyInit | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(init.form))
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
      body = params;
    } else if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const response = await this.testApp.app.request(
      `${this.origin}${path}`,
      { method, headers, body },
      { incoming: { socket: { remoteAddress: this.ip } } },
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async signIn(username: string, password: string): Promise<Response> {
    return this.request('/quan-tri/dang-nhap', { form: { username, password } });
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<Response> {
    return this.request('/quan-tri/doi-mat-khau', {
      form: { currentPassword, newPassword, confirmation: newPassword },
    });
  }

  /** Signs in with the one-time password and sets a chosen one: a ready-to-use session. */
  async signInFully(username: string, oneTimePassword: string, newPassword = 'sông Hương chiều thu'): Promise<void> {
    const first = await this.signIn(username, oneTimePassword);
    if (first.status !== 303) throw new Error(`sign-in failed: ${first.status} ${await first.text()}`);
    const changed = await this.changePassword(oneTimePassword, newPassword);
    if (changed.status !== 303) throw new Error(`change failed: ${changed.status} ${await changed.text()}`);
  }
}

export async function errorCode(response: Response): Promise<string | undefined> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    return /Mã lỗi: <code>([A-Z_]+)<\/code>/.exec(text)?.[1];
  }
}

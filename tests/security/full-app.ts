import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '#server/platform/app.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { createCaseServices, type CaseServices } from '#server/citizen-services/create-case-services.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, manualClock, type TestApp } from '../accounts/support.ts';
import { SEED } from '../editorial/support.ts';
import { COMPLAINT, CONTENT, fixture } from '../services/case-support.ts';

/** The built department site of tests/fixtures/static-dist (sotuphap only; soyte is "not built yet"). */
export const STATIC_DIST = fileURLToPath(new URL('../fixtures/static-dist/', import.meta.url));

export const DEPARTMENT_HOST = 'sotuphap.localhost';
export const PORTAL_HOST = 'localhost';

export interface FullApp extends TestApp {
  cases: CaseServices;
  /** One real case with one attachment: plausible values for `:id` and `:attachmentId`. */
  sample: { caseId: string; attachmentId: string; trackingCode: string; secret: string };
  /** Accounts by key, with the password they now sign in with. */
  people: Record<'head' | 'admin' | 'victim', { username: string; password: string; id: string }>;
  /** Names in the attachment folder: what a refused submission must not leave behind. */
  storedFiles(): string[];
  /** A browser signed in as `who`, on the host that account belongs to. */
  signedIn(who: 'head' | 'admin'): Promise<Browser>;
  close(): Promise<void>;
}

const PASSWORD = 'sông Hương chiều thu';

/**
 * The server with every feature mounted, the way server/platform/main.ts wires it:
 * back office, the Decap proxy over a content repository (a build that does
 * nothing), citizen services with their guard, reports, the portal and a
 * built department site. Storage comes from the caller (STORAGE_KINDS).
 */
export async function createFullApp(storage: Storage): Promise<FullApp> {
  const work = await mkdtemp(path.join(tmpdir(), 'congso-security-'));
  const clock = manualClock();
  const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
  const { dir: repoDir, repo } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: SEED });
  const attachmentsDir = path.join(work, 'tep');
  const cases = createCaseServices(storage, DEPARTMENTS, clock, {
    attachmentsDir,
    secretKey: 'k'.repeat(40),
    content: CONTENT,
    powDifficulty: 4,
  });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    caseServices: cases,
    distDir: STATIC_DIST,
    editorial: { repo, repoDir, build: async () => undefined, liveWaitMs: 1_000 },
  });

  const addAccount = async (
    fullName: string,
    role: Role,
    departmentId: string | null = role === 'admin' ? null : 'sotuphap',
    sections?: string[],
  ) => {
    const { account, oneTimePassword } = await services.accounts.create(
      systemPrincipal('test'),
      { fullName, role, departmentId, sections },
      NO_REQUEST,
    );
    return { username: account.username, password: oneTimePassword, id: account.id };
  };
  const testApp: TestApp = { app, services, storage, clock, addAccount };

  const people = {
    head: await addAccount('Nguyễn Văn An', 'head'),
    admin: await addAccount('Quản Trị Tỉnh', 'admin'),
    victim: await addAccount('Lê Quang Minh', 'editor', 'sotuphap', ['tin-tuc']),
  };
  for (const [who, host] of [
    ['head', DEPARTMENT_HOST],
    ['admin', PORTAL_HOST],
  ] as const) {
    await new Browser(testApp, host).signInFully(people[who].username, people[who].password, PASSWORD);
    people[who].password = PASSWORD;
  }

  const receipt = await cases.citizen.submit('sotuphap', 'khieu-nai-to-cao', {
    fields: { ...COMPLAINT },
    files: [{ fileName: 'don.pdf', bytes: fixture('sample.pdf') }],
    idempotencyKey: null,
  });
  const [attachment] = await storage.cases.attachments(receipt.record.id);

  return {
    ...testApp,
    cases,
    sample: {
      caseId: receipt.record.id,
      attachmentId: attachment!.id,
      trackingCode: receipt.record.trackingCode,
      secret: receipt.secret,
    },
    people,
    storedFiles: () => readdirSync(attachmentsDir),
    async signedIn(who) {
      const browser = new Browser(testApp, who === 'head' ? DEPARTMENT_HOST : PORTAL_HOST);
      const response = await browser.signIn(people[who].username, people[who].password);
      if (response.status !== 303) throw new Error(`sign-in of ${who} failed: ${response.status}`);
      return browser;
    },
    async close() {
      await storage.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * A request with a body exactly as given (malformed on purpose), sent as
 * `browser` would: its cookies, its address and the Origin of its pages.
 */
export async function sendRaw(
  t: TestApp,
  browser: Browser,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array | FormData },
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('origin')) headers.set('origin', browser.origin);
  if (browser.cookies.size > 0) headers.set('cookie', [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const request: RequestInit = { method: init.method ?? 'POST', headers, body: init.body as BodyInit | undefined };
  return t.app.request(`${browser.origin}${path}`, request, { incoming: { socket: { remoteAddress: browser.ip } } });
}

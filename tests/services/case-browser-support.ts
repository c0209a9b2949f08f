import type { Browser as Chromium, Page } from 'playwright-core';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { Browser, COMPLAINT, type CaseTestApp } from './case-support.ts';

/** The steps of a citizen and an officer in Chromium that several browser tests share. */

export interface ServedApp {
  server: RunningServer;
  chromium: Chromium;
  /** The department site Sở Tư pháp on the server's port. */
  origin: string;
  close(): Promise<void>;
}

/** The app on a loopback port and a Chromium to visit it. */
export async function serveToChromium(t: CaseTestApp): Promise<ServedApp> {
  const server = await startServer(t.app, { port: 0, hostname: '127.0.0.1' });
  const chromium = await launchChromium();
  return {
    server,
    chromium,
    origin: `http://sotuphap.localhost:${server.port}`,
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

type ComplaintField = Exclude<keyof typeof COMPLAINT, 'kind' | 'consent'>;

/** Opens the complaint form and fills it as a citizen types it: the kind of letter, then the named fields from `COMPLAINT`. */
export async function fillComplaint(
  page: Page,
  origin: string,
  kind: string,
  fields: readonly ComplaintField[],
  overrides: Partial<Record<ComplaintField, string>> = {},
) {
  await page.goto(`${origin}/dich-vu/khieu-nai-to-cao`);
  await page.selectOption('#truong-kind', kind);
  for (const field of fields) await page.fill(`#truong-${field}`, overrides[field] ?? COMPLAINT[field]);
  await page.check('#truong-consent');
}

/** The look-up page of a case, as the citizen reaches it with the two codes. */
export async function lookUp(page: Page, origin: string, code: string, secret: string) {
  await page.goto(`${origin}/tra-cuu/`);
  await page.fill('#ma-ho-so', code);
  await page.fill('#ma-bi-mat', secret);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-tiep-theo]');
}

/** A page in the back office of the department's head, signed in through the real sign-in flow. */
export async function headPage(chromium: Chromium, t: CaseTestApp, origin: string, port: number): Promise<Page> {
  const head = await t.addAccount('Nguyễn Văn An', 'head');
  const session = new Browser(t, `sotuphap.localhost:${port}`, '192.0.2.80');
  await session.signInFully(head.username, head.password);
  const context = await chromium.newContext();
  await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: origin })));
  return context.newPage();
}

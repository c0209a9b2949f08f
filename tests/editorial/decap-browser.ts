import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LiveApp, Person } from './live-app.ts';

/**
 * A board member's session in the real Decap CMS, in Chromium, against the
 * live app: sign in with the one-time password, change it (Điều 11.2), open
 * `/admin/`, and the few gestures the workflow needs. Each person gets a
 * browser context of their own; every Content-Security-Policy message of
 * every page is kept, so a policy too strict for Decap fails the test.
 */

const NEW_PASSWORD = 'Hoa phượng đỏ sân trường';

export type DecapStatus = 'Đang xét duyệt' | 'Sẵn sàng';

export function decapBrowser(browser: Browser, live: LiveApp) {
  const pages = new Map<string, Page>();
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  /** Requests not answered yet, by page: printed when a reload does not finish loading, and when a test fails. */
  const unanswered = new Map<Page, Map<object, string>>();
  const waitingFor = (page: Page) => [...(unanswered.get(page)?.values() ?? [])].join('\n');

  async function newPage(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(`${who}: ${m.text()}`);
    });
    // Decap asks with window.confirm before publishing or replacing a file; a person would say yes. A dialog the
    // page closed itself (leaving an entry, the test ending) cannot be answered any more: nothing to do then.
    page.on('dialog', (d) => d.accept().catch(() => undefined));
    const waiting = new Map<object, string>();
    unanswered.set(page, waiting);
    page.on('request', (r) => waiting.set(r, `${new Date().toISOString()} ${r.method()} ${r.url()}`));
    page.on('requestfinished', (r) => waiting.delete(r));
    page.on('requestfailed', (r) => waiting.delete(r));
    pages.set(who, page);
    return page;
  }

  async function openDecap(who: string, person: Person): Promise<Page> {
    const page = await newPage(who);
    await page.goto(`${live.origin}/admin/`);
    // Not signed in: /admin/ sends the person to the back office's sign-in page first.
    await page.waitForURL(/\/quan-tri\/dang-nhap/);
    await page.getByLabel('Tên đăng nhập').fill(person.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(person.oneTimePassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/quan-tri\/doi-mat-khau/);
    await page.getByLabel('Mật khẩu dùng một lần').fill(person.oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(/\/quan-tri\//);
    await page.goto(`${live.origin}/admin/`);
    // Decap's proxy backend has its own "log in" button; the session cookie is what authenticates.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Bộ sưu tập').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    return page;
  }

  async function openEntry(page: Page, entry: { collection: string; slug: string; title: string }): Promise<void> {
    await page.goto(`${live.origin}/admin/#/collections/${entry.collection}/entries/${entry.slug}`);
    // Only the hash may have changed: reload, so Decap reads the status others have set since. Its load event is when
    // Decap has settled (a click before it can be lost), but it also waits for the preview frame, which under CI load
    // once took more than 30 s, and once more than 90 s: past 45 s, say what the page still waits for, and go on.
    await page.reload({ timeout: 45_000 }).catch((error: Error) => {
      if (error.name !== 'TimeoutError') throw error;
      console.error(`${entry.slug}: not loaded 45 s after the reload, still waiting for:\n${waitingFor(page)}`);
    });
    await expect
      .poll(() => page.getByLabel('Tiêu đề', { exact: true }).first().inputValue(), { timeout: 20_000 })
      .toBe(entry.title);
  }

  async function toast(page: Page, text: string, timeout = 20_000): Promise<string> {
    const alert = page.locator('.Toastify__toast', { hasText: text }).first();
    await alert.waitFor({ timeout });
    return (await alert.textContent()) ?? '';
  }

  async function setStatus(page: Page, status: DecapStatus): Promise<void> {
    await page.getByRole('button', { name: /^Trạng: / }).click();
    await page.getByRole('menuitem', { name: status }).click();
    await toast(page, 'Trạng thái của mục đã được cập nhật');
  }

  async function publishNow(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
  }

  /** What each browser showed when a test failed: look at these before reading the stack. */
  async function screenshots(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const [who, page] of pages)
      await page.screenshot({ path: path.join(dir, `${who}.png`), fullPage: true }).catch(() => undefined);
    console.error(`Ảnh chụp màn hình khi lỗi: ${dir}`);
    for (const [who, page] of pages)
      if (unanswered.get(page)?.size) console.error(`Requests of ${who} not answered yet:\n${waitingFor(page)}`);
  }

  async function close(): Promise<void> {
    for (const c of contexts) await c.close().catch(() => undefined);
  }

  return { pages, cspViolations, newPage, openDecap, openEntry, toast, setStatus, publishNow, screenshots, close };
}

export type DecapBrowser = ReturnType<typeof decapBrowser>;

import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RightNotGrantedError } from '../../server/lib/editorial-workflow-errors.ts';
import { MAIN } from '../../server/content-repo/repository.ts';
import { entryHistory } from '../../server/content-repo/entry-store.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { LIVE_SITE, startLiveApp, type LiveApp, type Person } from './live-app.ts';

/**
 * Issue 4 end to end, through the real Decap CMS in Chromium (Điều 19): a
 * contributor enters a news item citing its source and sends it for
 * verification, a deputy verifies it, the contributor's own attempt to
 * publish is refused with the Vietnamese sentence in Decap's toast, the head
 * publishes, and the page is live on the department host and found by the
 * site's search typed without diacritics. The server and its CSP are the
 * real ones (no bypassCSP): a policy too strict for Decap or Pagefind fails here.
 */

const TITLE = 'Tập huấn đăng ký khai sinh trực tuyến năm 2025';
const SLUG = 'tap-huan-dang-ky-khai-sinh-truc-tuyen-nam-2025';
const SOURCE = 'Báo Thừa Thiên Huế';
const NEW_PASSWORD = 'Hoa phượng đỏ sân trường';
const SHOTS = path.join(tmpdir(), 'congso-decap-ui');

describe.skipIf(!chromiumAvailable)('Decap CMS in Chromium: enter, verify, publish, live and searchable (Điều 19)', () => {
  let live: LiveApp;
  let browser: Browser;
  const pages = new Map<string, Page>();
  const contexts: BrowserContext[] = [];
  /** Every console message about the Content-Security-Policy, from every page. */
  const cspViolations: string[] = [];

  beforeAll(async () => {
    [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
  }, 120_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    // What the browser showed when it failed: look at these before reading the stack.
    await mkdir(SHOTS, { recursive: true });
    for (const [who, page] of pages) await page.screenshot({ path: path.join(SHOTS, `${who}.png`), fullPage: true }).catch(() => undefined);
    console.error(`Ảnh chụp màn hình khi lỗi: ${SHOTS}`);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await live?.close();
  });

  async function newPage(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(`${who}: ${m.text()}`);
    });
    // Decap asks "Bạn có chắc…?" with window.confirm before publishing; a person would say yes.
    page.on('dialog', (d) => void d.accept());
    pages.set(who, page);
    return page;
  }

  /** The back-office sign-in with the one-time password, the forced change (Điều 11.2), then Decap. */
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

  async function openEntry(page: Page): Promise<void> {
    await page.goto(`${live.origin}/admin/#/collections/tin-tuc/entries/${SLUG}`);
    // Only the hash may have changed: reload, so Decap reads the status others have set since.
    await page.reload();
    await expect.poll(() => page.getByLabel('Tiêu đề').inputValue(), { timeout: 20_000 }).toBe(TITLE);
  }

  async function setStatus(page: Page, status: 'Đang xét duyệt' | 'Sẵn sàng'): Promise<void> {
    await page.getByRole('button', { name: /^Trạng: / }).click();
    await page.getByRole('menuitem', { name: status }).click();
    await toast(page, 'Trạng thái của mục đã được cập nhật');
  }

  async function publishNow(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
  }

  async function toast(page: Page, text: string, timeout = 20_000): Promise<string> {
    const alert = page.locator('.Toastify__toast', { hasText: text }).first();
    await alert.waitFor({ timeout });
    return (await alert.textContent()) ?? '';
  }

  it('lets a contributor enter a news item citing its source and send it for verification', async () => {
    const page = await openDecap('contributor', live.people.contributor);
    await page.goto(`${live.origin}/admin/#/collections/tin-tuc/new`);
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Tóm tắt').fill('Sở Tư pháp tổ chức tập huấn đăng ký khai sinh trực tuyến cho công chức tư pháp – hộ tịch cấp xã.');
    await page.getByLabel('Ngày đăng').fill('2025-03-10');
    await page.getByLabel('Chuyên mục').click();
    await page.getByText('Thông báo', { exact: true }).click();
    // Điều 19a: an item taken from elsewhere names its source.
    await page.getByLabel('Loại').click();
    await page.getByText('Đăng lại, ghi rõ nguồn (Điều 19a)').click();
    await page.getByLabel(/^Tên( |$)/).fill(SOURCE);
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('Ngày 10/3, Sở Tư pháp tổ chức lớp tập huấn về đăng ký khai sinh trực tuyến cho công chức tư pháp – hộ tịch.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await toast(page, 'Mục đã được lưu');

    await setStatus(page, 'Đang xét duyệt');
    const steps = await entryHistory(live.repo, { site: LIVE_SITE, section: 'tin-tuc', slug: SLUG });
    expect(steps.map((s) => [s.event, s.by.username])).toEqual([
      ['create', live.people.contributor.username],
      ['submit', live.people.contributor.username],
    ]);
  }, 90_000);

  it('lets a deputy verify it (step 2), moving it to ready', async () => {
    const page = await openDecap('deputy', live.people.deputy);
    await openEntry(page);
    await setStatus(page, 'Sẵn sàng');
  }, 60_000);

  it("shows the contributor's attempt to publish refused, in Vietnamese, in Decap itself", async () => {
    const page = pages.get('contributor')!;
    await openEntry(page);
    const answer = page.waitForResponse((r) => r.url().endsWith('/admin/api/v1') && r.request().postDataJSON()?.action === 'publishUnpublishedEntry');
    await publishNow(page);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect((await response.json()).code).toBe(RightNotGrantedError.code);
    const sentence = new RightNotGrantedError({ event: 'publish', right: 'publish', role: 'contributor' }).message;
    expect(await toast(page, 'Không thể công bố')).toContain(sentence);
    expect(await live.repo.readFile(MAIN, `content/${LIVE_SITE}/tin-tuc/${SLUG}.mdx`)).toBeNull();
  }, 60_000);

  it('lets the head publish it (step 3): the page is live on the department host and found without diacritics', async () => {
    const page = await openDecap('head', live.people.head);
    await openEntry(page);
    await publishNow(page);
    // The publish request answers once the site's rebuild has swapped in (or failed, which would show an error here).
    await toast(page, 'Mục đã được công bố', 60_000);

    const visitor = await newPage('visitor');
    const response = await visitor.goto(`http://${LIVE_SITE}.localhost:${live.port}/tin-tuc/${SLUG}/`);
    expect(response?.status()).toBe(200);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await visitor.getByText(SOURCE).count()).toBeGreaterThan(0);

    await visitor.goto(`${live.origin}/tim-kiem/?q=${encodeURIComponent('tap huan khai sinh truc tuyen')}`);
    const hit = visitor.locator('#search-list a', { hasText: TITLE });
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.getAttribute('href')).toBe(`/tin-tuc/${SLUG}/`);

    const steps = await entryHistory(live.repo, { site: LIVE_SITE, section: 'tin-tuc', slug: SLUG });
    expect(steps.map((s) => [s.event, s.by.username])).toEqual([
      ['create', live.people.contributor.username],
      ['submit', live.people.contributor.username],
      ['verify', live.people.deputy.username],
      ['publish', live.people.head.username],
    ]);
  }, 90_000);

  it('ran Decap and Pagefind under the real Content-Security-Policy without a single violation', () => {
    expect(cspViolations).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { inMemoryCaseSource } from '#server/reports/case-source.ts';
import { parseUsageCsv } from '../support/usage-csv.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { type RunningServer, startServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher, DEPARTMENTS } from '../accounts/support.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { FIXTURE_CASES } from './fixture-cases.ts';

const NOW = Date.parse('2026-12-05T10:00:00+07:00');

async function signIn(page: Page, base: string, username: string, oneTime: string, chosen: string): Promise<void> {
  await page.goto(`${base}/quan-tri/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(oneTime);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mật khẩu dùng một lần').fill(oneTime);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(chosen);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(chosen);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL(/\/quan-tri\/\?thong-bao/);
}

describe.skipIf(!chromiumAvailable)('the usage report page in Chromium (Điều 16)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'congso-report-'));
  const storage = openSqliteStorage({ path: join(dir, 'congso.sqlite') });
  let server: RunningServer;
  let browser: Browser;
  let admin: { username: string; password: string };
  let head: { username: string; password: string };
  let editor: { username: string; password: string };

  beforeAll(async () => {
    await storage.migrate();
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher(), clock: () => NOW });
    const create = async (fullName: string, role: 'admin' | 'head' | 'editor', departmentId: string | null) => {
      const issued = await services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId, sections: role === 'editor' ? ['tin-tuc'] : undefined },
        NO_REQUEST,
      );
      return { username: issued.account.username, password: issued.oneTimePassword };
    };
    admin = await create('Lê Quản Trị', 'admin', null);
    head = await create('Trần Văn Hùng', 'head', 'soyte');
    editor = await create('Phan Thị Biên', 'editor', 'soyte');
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      distDir: join(dir, 'dist'),
      reportCases: inMemoryCaseSource(FIXTURE_CASES),
    });
    server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the province report for November 2026 with two charts, each with its table, and no WCAG violation', async () => {
    // bypassCSP only so the axe script can be injected; the page itself runs no script.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const base = `http://localhost:${server.port}`;
    await signIn(page, base, admin.username, admin.password, 'Báo cáo tỉnh mỗi tháng một lần');
    const response = await page.goto(`${base}/quan-tri/bao-cao/?ky=2026-11`);
    expect(response!.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Báo cáo tình hình sử dụng dịch vụ công trực tuyến',
    );
    expect(await page.getByRole('heading', { level: 2, name: 'Tháng 11/2026 · Toàn tỉnh' }).count()).toBe(1);

    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(2);
    expect(await page.getByRole('img', { name: /Yêu cầu theo dịch vụ, Tháng 11\/2026/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Yêu cầu theo đơn vị, Tháng 11\/2026/ }).count()).toBe(1);
    // The bars are drawn to scale: the longest "Tiếp nhận" bar of the departments chart is Sở Tư pháp's 7 against Sở Y tế's 4.
    const widths = await page
      .locator('#bieu-do-don-vi-tieu-de')
      .locator('xpath=..')
      .locator('rect[fill="#1d4f91"][height="16"]')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(7 / 4, 2);

    const provinceTotals = page.getByRole('table', { name: /Số liệu theo đơn vị/ }).locator('tfoot tr');
    expect((await provinceTotals.locator('td').allTextContents()).slice(0, 6)).toEqual(['11', '5', '7', '5', '2', '3']);
    // One row per service: six since requests for information (docs/adr/0048).
    expect(
      await page
        .getByRole('table', { name: /Số liệu theo dịch vụ/ })
        .locator('tbody tr')
        .count(),
    ).toBe(6);

    expect(await wcagViolations(page)).toEqual([]);
    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(join(dir, 'bao-cao-2026-11.png'), shot);
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    const chartShot = await charts.first().screenshot();
    expect(chartShot.length).toBeGreaterThan(2000);
    if (process.env.CONGSO_SCREENSHOT_DIR)
      writeFileSync(join(process.env.CONGSO_SCREENSHOT_DIR, 'bao-cao-2026-11.png'), shot);

    // The downloads carry the same figures.
    const csv = await page.request.get(`${base}/quan-tri/bao-cao/?ky=2026-11&dinh-dang=csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toContain('bao-cao-dich-vu-cong-2026-11-toan-tinh.csv');
    const rows = parseUsageCsv(await csv.text());
    expect(rows.find((r) => r.site === 'toan-tinh' && r.service === 'tong-cong')!.figures).toMatchObject({
      received: 11,
      resolved: 7,
      overdueNow: 3,
    });
    const json = await (await page.request.get(`${base}/quan-tri/bao-cao/?ky=2026-11&dinh-dang=json`)).json();
    expect(json.totals).toMatchObject({ received: 11, resolvedOnTime: 5, averageHandlingDays: 6.6 });
    await context.close();
  });

  it('an invalid period is said in Vietnamese beside the form, still without WCAG violations', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const base = `http://soyte.localhost:${server.port}`;
    await signIn(page, base, head.username, head.password, 'Trưởng ban đọc báo cáo tuần');
    const ok = await page.goto(`${base}/quan-tri/bao-cao/?ky=2026-W48`);
    expect(ok!.status()).toBe(200);
    // A department host reports on its own department only: one chart, no departments table.
    expect(await page.getByRole('img').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: /Tuần 48\/2026 .* Sở Y tế/ }).count()).toBe(1);
    const bad = await page.goto(`${base}/quan-tri/bao-cao/?ky=2025-W53`);
    expect(bad!.status()).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('không phải kỳ báo cáo hợp lệ');
    expect(await wcagViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the head the compliance dashboard of the department from the back-office menu, without WCAG violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `http://soyte.localhost:${server.port}`;
    // The head changed the one-time password in the test above: an ordinary sign-in now.
    await page.goto(`${base}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(head.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Trưởng ban đọc báo cáo tuần');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/quan-tri\//);
    await page.getByRole('link', { name: 'Giám sát nội dung' }).click();
    await page.waitForURL(/\/quan-tri\/tuan-thu\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Giám sát nội dung');
    expect(await page.getByRole('table', { name: 'Chuyên mục bắt buộc (Điều 7)' }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses the report to an editor (editors write content, they do not report)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(
      page,
      `http://soyte.localhost:${server.port}`,
      editor.username,
      editor.password,
      'Biên tập viên viết tin hay',
    );
    expect((await page.goto(`http://soyte.localhost:${server.port}/quan-tri/bao-cao/`))!.status()).toBe(403);
    await context.close();
  });
});

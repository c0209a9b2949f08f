import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { type RunningServer, startServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher, DEPARTMENTS } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true')
    throw new Error(`Chromium missing at ${CHROMIUM} and CI=true: install it (apt-get install -y chromium).`);
  console.warn(`⚠ Browser sign-in test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(async () =>
    (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string }> }> } }).axe.run(),
  );
  return result.violations.map((v) => v.id);
}

describe.skipIf(!hasChromium)('signing in with a real browser (Điều 11.2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'congso-browser-'));
  const storage = openSqliteStorage({ path: join(dir, 'congso.sqlite') });
  let server: RunningServer;
  let browser: Browser;
  let oneTimePassword: string;
  let headPassword: string;
  let base: string;

  beforeAll(async () => {
    await storage.migrate();
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher() });
    const issued = await services.accounts.create(
      systemPrincipal('test'),
      { fullName: 'Nguyễn Thị Minh Khai', role: 'editor', departmentId: 'sotuphap', sections: ['tin-tuc'] },
      NO_REQUEST,
    );
    oneTimePassword = issued.oneTimePassword;
    headPassword = (
      await services.accounts.create(
        systemPrincipal('test'),
        { fullName: 'Trần Văn Hùng', role: 'head', departmentId: 'sotuphap' },
        NO_REQUEST,
      )
    ).oneTimePassword;
    server = await startServer(createApp({ storage, departments: DEPARTMENTS, services }), {
      port: 0,
      hostname: '127.0.0.1',
    });
    // Chromium resolves every *.localhost name to the loopback address by itself.
    base = `http://sotuphap.localhost:${server.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with the one-time password, is made to change it, signs out and signs in again', async () => {
    // bypassCSP only so the axe script can be injected; the pages themselves run no script.
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();

    await page.goto(`${base}/quan-tri/tai-khoan`);
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill('ntmkhai');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('không đúng đâu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Mật khẩu', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/quan-tri/doi-mat-khau`);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Anything else still leads back to the change-password page.
    await page.goto(`${base}/quan-tri/`);
    expect(new URL(page.url()).pathname).toBe('/quan-tri/doi-mat-khau');

    await page.getByLabel('Mật khẩu dùng một lần').fill(oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhau123456');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('matkhau123456');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('quá phổ biến');

    await page.getByLabel('Mật khẩu dùng một lần').fill(oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Hoa phượng đỏ sân trường');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Hoa phượng đỏ sân trường');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(`${base}/quan-tri/?thong-bao=da-doi-mat-khau`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Xin chào, Nguyễn Thị Minh Khai');

    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['congso_phien', 'congso_thiet_bi_ntmkhai']);
    expect(cookies.find((c) => c.name === 'congso_phien')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    // "This browser signed in before" (docs/adr/0018): kept across sign-outs, never readable by scripts.
    expect(cookies.find((c) => c.name === 'congso_thiet_bi_ntmkhai')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/quan-tri/dang-nhap?thong-bao=da-dang-xuat`);
    expect((await context.cookies()).map((c) => c.name)).toEqual(['congso_thiet_bi_ntmkhai']);

    await page.getByLabel('Tên đăng nhập').fill('ntmkhai');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Hoa phượng đỏ sân trường');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/quan-tri/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Xin chào, Nguyễn Thị Minh Khai');
    await context.close();
  });

  it('lets the head create an account and read the log, on pages without accessibility violations', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('tvhung');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(headPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Mật khẩu dùng một lần').fill(headPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Trưởng ban đọc tin mỗi sáng');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Trưởng ban đọc tin mỗi sáng');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(/\/quan-tri\/\?thong-bao/);

    await page.getByRole('link', { name: 'Tài khoản' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vui lòng nhập họ và tên');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Họ và tên').fill('Đặng Văn Đức');
    await page.getByLabel('Vai trò').selectOption('editor');
    await page.getByLabel('Văn bản').check();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(await page.locator('#ten-dang-nhap').textContent()).toBe('dvduc');
    expect(await page.locator('#mat-khau-mot-lan').textContent()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nhật ký' }).click();
    expect(await page.getByRole('cell', { name: 'Tạo tài khoản' }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/quan-tri/dang-nhap`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });
});

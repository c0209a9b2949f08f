import { beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, errorCode, type TestApp } from './support.ts';

describe('first sign-in (Điều 11.1b, 11.2)', () => {
  let t: TestApp;
  let browser: Browser;
  let account: { username: string; password: string };

  beforeEach(async () => {
    t = await createTestApp();
    account = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    browser = new Browser(t);
  });

  it('gives a random one-time password, not "123"', () => {
    expect(account.username).toBe('nvan');
    expect(account.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });

  it('sends a one-time-password sign-in straight to the change-password page', async () => {
    const response = await browser.signIn('nvan', account.password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/quan-tri/doi-mat-khau');
    const page = await browser.request('/quan-tri/doi-mat-khau');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('mật khẩu dùng một lần');
  });

  it.each([
    '/quan-tri/',
    '/quan-tri/tai-khoan',
    '/quan-tri/nhat-ky',
    '/quan-tri/tai-khoan/nvan',
    '/quan-tri/khong-ton-tai',
  ])('redirects the page %s to the change-password page until the password is changed', async (path) => {
    await browser.signIn('nvan', account.password);
    const response = await browser.request(path);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/quan-tri/doi-mat-khau');
  });

  it('refuses every other request with E_PASSWORD_CHANGE_REQUIRED', async () => {
    await browser.signIn('nvan', account.password);
    const form = await browser.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Trần Thị Hoa', role: 'contributor' },
    });
    expect(form.status).toBe(403);
    expect(await errorCode(form)).toBe('E_PASSWORD_CHANGE_REQUIRED');
    const api = await browser.request('/quan-tri/api/phien');
    expect(api.status).toBe(403);
    expect(await errorCode(api)).toBe('E_PASSWORD_CHANGE_REQUIRED');
  });

  it('lets the new password in, and stops the one-time password working', async () => {
    await browser.signIn('nvan', account.password);
    const changed = await browser.changePassword(account.password, 'sông Hương chiều thu');
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe('/quan-tri/?thong-bao=da-doi-mat-khau');
    const home = await browser.request('/quan-tri/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Xin chào, Nguyễn Văn An');

    const other = new Browser(t, 'sotuphap.localhost', '192.0.2.11');
    expect((await other.signIn('nvan', account.password)).status).toBe(401);
    const again = await other.signIn('nvan', 'sông Hương chiều thu');
    expect(again.headers.get('location')).toBe('/quan-tri/');
  });

  it('rotates the session token when the password changes', async () => {
    await browser.signIn('nvan', account.password);
    const before = [...browser.cookies.values()][0];
    await browser.changePassword(account.password, 'sông Hương chiều thu');
    const after = [...browser.cookies.values()][0];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const stale = new Browser(t);
    stale.cookies.set('congso_phien', before);
    const response = await stale.request('/quan-tri/');
    expect(response.headers.get('location')).toMatch(/^\/quan-tri\/dang-nhap/);
  });

  it('re-renders the form with the policy error and changes nothing', async () => {
    await browser.signIn('nvan', account.password);
    const response = await browser.changePassword(account.password, 'matkhau123456');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#newPassword"');
    expect(html).toContain('aria-invalid="true"');
    expect((await t.storage.accounts.findByUsername('nvan'))?.mustChangePassword).toBe(true);
  });

  it('expires the one-time password after 72 hours', async () => {
    t.clock.advance(72 * 3_600_000);
    const response = await browser.signIn('nvan', account.password);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('hết hạn');
    expect(browser.cookies.size).toBe(0);
  });
});

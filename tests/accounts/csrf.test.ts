import { beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, errorCode, type TestApp } from './support.ts';

describe('cross-site request forgery', () => {
  let t: TestApp;
  let head: Browser;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await t.addAccount('Trần Văn Hùng', 'head');
    head = new Browser(t);
    await head.signInFully(account.username, account.password);
  });

  async function accountCount() {
    return (await t.storage.accounts.list()).length;
  }

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['another department of the same site', { origin: 'http://soyte.localhost' }],
    ['an opaque origin', { origin: 'null' }],
    ['no Origin and a cross-site fetch', { 'x-no-origin': '1', 'sec-fetch-site': 'cross-site' }],
    ['no Origin and no fetch metadata', { 'x-no-origin': '1' }],
  ])('refuses a forged account creation from %s, writing nothing', async (_label, headers) => {
    const before = await accountCount();
    const auditBefore = (await t.storage.audit.list({ limit: 1000 })).length;
    const response = await head.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Kẻ Gian', role: 'deputy' },
      headers,
    });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('E_CROSS_ORIGIN');
    expect(await accountCount()).toBe(before);
    expect((await t.storage.audit.list({ limit: 1000 })).length).toBe(auditBefore);
  });

  it('accepts a same-origin form whose Origin was stripped but fetch metadata says same-origin', async () => {
    const response = await head.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Lê Thị Thu Hà', role: 'deputy' },
      headers: { 'x-no-origin': '1', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(201);
  });

  it('refuses a forged sign-out and a forged sign-in (login CSRF)', async () => {
    expect(
      await errorCode(
        await head.request('/quan-tri/dang-xuat', { form: {}, headers: { origin: 'https://evil.example' } }),
      ),
    ).toBe('E_CROSS_ORIGIN');
    expect((await head.request('/quan-tri/')).status).toBe(200);
    const visitor = new Browser(t);
    const forged = await visitor.request('/quan-tri/dang-nhap', {
      form: { username: 'tvhung', password: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(await errorCode(forged)).toBe('E_CROSS_ORIGIN');
  });

  it('refuses form-encodable bodies on the JSON API even from the same origin', async () => {
    const before = await accountCount();
    const asForm = await head.request('/quan-tri/api/tai-khoan', {
      form: { fullName: 'Lê Thị Thu Hà', role: 'deputy' },
    });
    expect(asForm.status).toBe(415);
    expect(await errorCode(asForm)).toBe('E_CONTENT_TYPE');
    const asText = await head.request('/quan-tri/api/tai-khoan', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await errorCode(asText)).toBe('E_CONTENT_TYPE');
    expect(await accountCount()).toBe(before);
    const asJson = await head.request('/quan-tri/api/tai-khoan', {
      json: { fullName: 'Lê Thị Thu Hà', role: 'deputy' },
    });
    expect(asJson.status).toBe(201);
    expect(((await asJson.json()) as { account: { username: string } }).account.username).toBe('lttha');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, and never readable cross-site', async () => {
    const account = await t.addAccount('Phạm Minh Tuấn', 'it-officer');
    const response = await new Browser(t).signIn(account.username, account.password);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^congso_phien=[A-Za-z0-9_-]{22};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  it('keeps the Referrer-Policy that lets browsers send Origin on our own form posts', async () => {
    // Under "no-referrer" Chromium sends `Origin: null` and every real form post would be refused.
    expect((await head.request('/quan-tri/')).headers.get('referrer-policy')).toBe('same-origin');
  });

  it('clears all sections when no box is ticked', async () => {
    await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    expect((await head.request('/quan-tri/tai-khoan/nvan/chuyen-muc', { form: {} })).status).toBe(303);
    expect((await t.storage.accounts.findByUsername('nvan'))?.sections).toEqual([]);
  });

  it('uses a __Host- Secure cookie over https', async () => {
    const account = await t.addAccount('Phạm Minh Tuấn', 'it-officer');
    const response = await t.app.request('https://sotuphap.localhost/quan-tri/dang-nhap', {
      method: 'POST',
      headers: { origin: 'https://sotuphap.localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: account.username, password: account.password }),
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-congso_phien=/);
    expect(cookie).toContain('Secure');
    expect(cookie).not.toContain('Domain');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { Browser, createTestApp, errorCode, type TestApp } from './support.ts';

/** Everything the store holds, to prove a refused request wrote nothing. */
async function snapshot(t: TestApp) {
  return {
    accounts: await t.storage.accounts.list(),
    audit: await t.storage.audit.list({ limit: 10_000 }),
    throttle: await t.storage.throttle.get('account:nvan'),
  };
}

describe('bad input gets a clear error and writes nothing', () => {
  let t: TestApp;
  let head: Browser;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await t.addAccount('Trần Văn Hùng', 'head');
    await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    head = new Browser(t);
    await head.signInFully(account.username, account.password);
  });

  it.each([
    ['an over-long username', { username: 'a'.repeat(65), password: 'x' }],
    ['a username with spaces and marks', { username: 'nguyễn văn an', password: 'x' }],
    ['a username with a control character', { username: 'nv\u0000an', password: 'x' }],
    ['no password', { username: 'nvan', password: '' }],
    ['a 10 kB password', { username: 'nvan', password: 'x'.repeat(10_000) }],
  ])('sign-in with %s', async (_label, form) => {
    const before = await snapshot(t);
    const response = await new Browser(t).request('/quan-tri/dang-nhap', { form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('class="error-summary"');
    expect(await snapshot(t)).toEqual(before);
  });

  it('a 1 MB password is refused before it is read, hashed or counted', async () => {
    const before = await snapshot(t);
    const response = await new Browser(t).request('/quan-tri/dang-nhap', {
      form: { username: 'nvan', password: 'x'.repeat(1024 * 1024) },
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('E_PAYLOAD_TOO_LARGE');
    expect(await snapshot(t)).toEqual(before);
  });

  it('a 1 MB new password is refused by the policy too, without hashing', async () => {
    const session = (await t.services.auth.resume([...head.cookies.values()][0], {
      kind: 'department',
      department: { id: 'sotuphap', name: 'Sở Tư pháp', domains: [] },
    }))!;
    const before = await snapshot(t);
    const error = await t.services.auth
      .changePassword(
        session,
        { currentPassword: 'sông Hương chiều thu', newPassword: 'y'.repeat(1024 * 1024), confirmation: 'y' },
        NO_REQUEST,
      )
      .catch((e: unknown) => e as { code: string; data: { reason: string } });
    expect(error).toMatchObject({ code: 'E_WEAK_PASSWORD', data: { reason: 'too-long' } });
    expect(await snapshot(t)).toEqual(before);
  });

  it.each([
    ['a name with no letters', '12345', 'E_INVALID_NAME'],
    ['a name with a control character', 'Nguyễn\u0007 Văn Bình', 'E_INVALID_NAME'],
    ['a name with a bidi override', 'Nguyễn \u202eVăn Bình', 'E_INVALID_NAME'],
    ['an over-long name', `Nguyễn Văn ${'Bình'.repeat(50)}`, 'E_INVALID_NAME'],
    ['an empty name', '   ', 'E_INVALID_NAME'],
  ])('account creation with %s', async (_label, fullName, code) => {
    const before = await snapshot(t);
    const response = await head.request('/quan-tri/tai-khoan', { form: { fullName, role: 'editor' } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#fullName"');
    expect(await snapshot(t)).toEqual(before);
    const api = await head.request('/quan-tri/api/tai-khoan', { json: { fullName, role: 'editor' } });
    expect(await errorCode(api)).toBe(code);
    expect(await snapshot(t)).toEqual(before);
  });

  it.each([
    ['an unknown role', { fullName: 'Lê Văn Tám', role: 'superuser' }],
    ['a bad section code', { fullName: 'Lê Văn Tám', role: 'editor', sections: 'tin tức' }],
  ])('account creation with %s', async (_label, form) => {
    const before = await snapshot(t);
    const response = await head.request('/quan-tri/api/tai-khoan', { json: form });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('E_INVALID_INPUT');
    expect(await snapshot(t)).toEqual(before);
  });

  it('malformed JSON is an input error', async () => {
    const response = await head.request('/quan-tri/api/tai-khoan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(await errorCode(response)).toBe('E_INVALID_INPUT');
  });

  it.each([
    ['not base64url', 'abc$%^'],
    ['too long', 'A'.repeat(5000)],
    ['too short', 'abc'],
  ])('a malformed session cookie (%s) is a clear error, cleared, and looks nothing up', async (_label, value) => {
    const before = await snapshot(t);
    const browser = new Browser(t);
    browser.cookies.set('congso_phien', value);
    const response = await browser.request('/quan-tri/');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('E_MALFORMED_SESSION');
    expect(html).toContain('Phiên đăng nhập không hợp lệ');
    expect(response.headers.get('set-cookie')).toMatch(/congso_phien=;.*Max-Age=0/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('a well-formed but unknown session token just means signed out', async () => {
    const browser = new Browser(t);
    browser.cookies.set('congso_phien', 'A'.repeat(22));
    const response = await browser.request('/quan-tri/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/quan-tri\/dang-nhap/);
  });

  it('an unknown host is refused rather than served some default site', async () => {
    const response = await t.app.request('http://evil.example/quan-tri/dang-nhap');
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('E_UNKNOWN_SITE');
  });

  it('a system-created account refuses bad names the same way', async () => {
    await expect(
      t.services.accounts.create(
        systemPrincipal('test'),
        { fullName: '!!!', role: 'editor', departmentId: 'sotuphap' },
        NO_REQUEST,
      ),
    ).rejects.toMatchObject({ code: 'E_INVALID_NAME', data: { reason: 'no-letters' } });
  });
});

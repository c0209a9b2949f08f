import { beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, errorCode, type TestApp } from './support.ts';

describe('nobody keeps using a disabled account (Điều 11.4)', () => {
  let t: TestApp;
  let head: Browser;
  let editor: Browser;
  let editorId: string;
  let editorPassword: string;

  beforeEach(async () => {
    t = await createTestApp();
    const headAccount = await t.addAccount('Trần Văn Hùng', 'head');
    const editorAccount = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    editorId = editorAccount.id;
    head = new Browser(t, 'sotuphap.localhost', '192.0.2.1');
    editor = new Browser(t, 'sotuphap.localhost', '192.0.2.2');
    await head.signInFully(headAccount.username, headAccount.password);
    await editor.signInFully(
      editorAccount.username,
      editorAccount.password,
      (editorPassword = 'bốn mùa hoa phượng đỏ'),
    );
    // A second device of the same editor.
    await new Browser(t, 'sotuphap.localhost', '192.0.2.3').signIn('nvan', editorPassword);
  });

  it('ends every live session of the account at once', async () => {
    expect((await editor.request('/quan-tri/')).status).toBe(200);
    const disabled = await head.request('/quan-tri/tai-khoan/nvan/vo-hieu-hoa', { form: {} });
    expect(disabled.status).toBe(303);
    expect(disabled.headers.get('location')).toBe('/quan-tri/tai-khoan?thong-bao=da-vo-hieu-hoa&tk=nvan');
    expect(await t.storage.sessions.deleteForAccount(editorId)).toBe(0);
    const after = await editor.request('/quan-tri/');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/quan-tri\/dang-nhap/);
  });

  it('refuses the account at sign-in, after the right password only', async () => {
    await head.request('/quan-tri/tai-khoan/nvan/vo-hieu-hoa', { form: {} });
    const browser = new Browser(t);
    const right = await browser.request('/quan-tri/dang-nhap', {
      form: { username: 'nvan', password: editorPassword },
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(right)).toBe('E_ACCOUNT_DISABLED');
    const wrong = await browser.signIn('nvan', 'không phải mật khẩu');
    expect(wrong.status).toBe(401);
  });

  it('ends sessions on a password reset too, and the old password stops working', async () => {
    const reset = await head.request('/quan-tri/tai-khoan/nvan/cap-lai-mat-khau', { form: {} });
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    expect((await editor.request('/quan-tri/')).status).toBe(303);
    expect((await new Browser(t).signIn('nvan', editorPassword)).status).toBe(401);
  });

  it('writes who did what, when and from where', async () => {
    await head.request('/quan-tri/tai-khoan/nvan/vo-hieu-hoa', { form: {} });
    const [entry] = await t.storage.audit.list({ departmentId: 'sotuphap', limit: 1 });
    expect(entry).toMatchObject({
      action: 'account-disabled',
      actorUsername: 'tvhung',
      targetUsername: 'nvan',
      ip: '192.0.2.1',
      at: t.clock(),
      details: { sessionsEnded: 2 },
    });
    const page = await head.request('/quan-tri/nhat-ky');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Vô hiệu hóa tài khoản');
    expect(html).toContain('192.0.2.1');
  });

  it('lets the head enable the account again', async () => {
    await head.request('/quan-tri/tai-khoan/nvan/vo-hieu-hoa', { form: {} });
    const enabled = await head.request('/quan-tri/tai-khoan/nvan/kich-hoat', { form: {} });
    expect(enabled.status).toBe(303);
    expect((await new Browser(t).signIn('nvan', editorPassword)).status).toBe(303);
  });
});

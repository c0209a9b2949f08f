import { beforeEach, describe, expect, it } from 'vitest';
import { Browser, countingHasher, createTestApp, errorCode, type TestApp } from './support.ts';

describe('against password guessing (Điều 11.3)', () => {
  let t: TestApp;
  let hasher: ReturnType<typeof countingHasher>;
  let password: string;

  beforeEach(async () => {
    hasher = countingHasher();
    t = await createTestApp({ hasher });
    ({ password } = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']));
  });

  /** Fails once, then moves the clock past whatever delay was imposed. */
  async function failOnce(browser: Browser, username = 'nvan'): Promise<Response> {
    const response = await browser.signIn(username, 'sai mật khẩu rồi');
    const state = await t.storage.throttle.get(`account:${username}`);
    if (state && state.nextAttemptAt > t.clock()) t.clock.advance(state.nextAttemptAt - t.clock());
    return response;
  }

  it('answers an unknown username exactly like a wrong password, with the same work done', async () => {
    const browser = new Browser(t);
    const before = hasher.verifications;
    const wrong = await browser.signIn('nvan', 'sai mật khẩu rồi');
    const afterWrong = hasher.verifications;
    const unknown = await browser.signIn('khongco', 'sai mật khẩu rồi');
    expect(afterWrong - before).toBe(1);
    expect(hasher.verifications - afterWrong).toBe(1);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (html: string) => html.replace(/value="[a-z0-9]*"/g, '');
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('logs every failure with the address it came from', async () => {
    const browser = new Browser(t, 'sotuphap.localhost', '198.51.100.7');
    await failOnce(browser);
    await failOnce(browser, 'khongco');
    const entries = await t.storage.audit.list({ departmentId: 'sotuphap', limit: 10 });
    const failures = entries.filter((e) => e.action === 'sign-in-failed');
    expect(failures.map((e) => [e.targetUsername, e.ip, e.details.reason])).toEqual([
      ['khongco', '198.51.100.7', 'unknown-username'],
      ['nvan', '198.51.100.7', 'wrong-password'],
    ]);
  });

  it('makes a quick retry wait after three failures, then lets it through once the delay has passed', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 3; i += 1) expect((await browser.signIn('nvan', 'sai mật khẩu rồi')).status).toBe(401);
    const throttled = await browser.signIn('nvan', password);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.text()).toContain('Vui lòng chờ');
    t.clock.advance(1000);
    expect((await browser.signIn('nvan', password)).status).toBe(303);
  });

  it('never locks the account: after ten failures the right password works once the delay has passed', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 10; i += 1) await failOnce(browser);
    const state = (await t.storage.throttle.get('account:nvan'))!;
    expect(state.lockedUntil).toBeNull();
    expect(state.nextAttemptAt - t.clock()).toBeLessThanOrEqual(30_000);
    expect((await browser.signIn('nvan', password)).status).toBe(303);
    expect((await t.storage.throttle.get('account:nvan'))!.failures).toBe(0);
  });

  it('audits a throttled attempt and answers E_THROTTLED with Retry-After', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 4; i += 1) await browser.signIn('nvan', 'sai mật khẩu rồi');
    const response = await browser.request('/quan-tri/dang-nhap', {
      form: { username: 'nvan', password },
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorCode(response)).toBe('E_THROTTLED');
    const entries = await t.storage.audit.list({ departmentId: 'sotuphap', limit: 50 });
    expect(
      entries.some(
        (e) => e.action === 'sign-in-throttled' && e.details.key === 'account' && e.details.capped === false,
      ),
    ).toBe(true);
  });

  it('slows an unknown username the same way, so a delay reveals nothing', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 4; i += 1) await browser.signIn('khongco', 'sai mật khẩu rồi');
    expect((await browser.signIn('khongco', 'bất kỳ')).status).toBe(429);
  });

  it('slows down one address trying many usernames', async () => {
    const browser = new Browser(t, 'sotuphap.localhost', '203.0.113.5');
    for (let i = 0; i < 20; i += 1) expect((await browser.signIn(`khongco${i}`, 'sai')).status).toBe(401);
    const throttled = await browser.signIn('nvan', password);
    expect(throttled.status).toBe(429);
    // Someone else in another office is not affected.
    expect((await new Browser(t, 'sotuphap.localhost', '203.0.113.6').signIn('nvan', password)).status).toBe(303);
  });

  it('lets a manager’s password reset clear the delays left by someone else’s guessing', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 10; i += 1) await browser.signIn('nvan', 'sai mật khẩu rồi');
    const head = await t.addAccount('Trần Văn Hùng', 'head');
    const headBrowser = new Browser(t, 'sotuphap.localhost', '192.0.2.99');
    await headBrowser.signInFully(head.username, head.password);
    const reset = await headBrowser.request('/quan-tri/tai-khoan/nvan/cap-lai-mat-khau', { form: {} });
    expect(reset.status).toBe(200);
    const fresh = /id="mat-khau-mot-lan">([^<]+)</.exec(await reset.text())![1];
    expect((await new Browser(t).signIn('nvan', fresh)).status).toBe(303);
  });
});

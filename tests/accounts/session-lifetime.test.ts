import { beforeEach, describe, expect, it } from 'vitest';
import { hashSessionToken } from '#server/accounts/session-token.ts';
import { Browser, createTestApp, type TestApp } from './support.ts';

const MINUTE = 60_000;

describe('session lifetime', () => {
  let t: TestApp;
  let browser: Browser;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    browser = new Browser(t);
    await browser.signInFully(account.username, account.password, 'bốn mùa hoa phượng đỏ');
  });

  const signedIn = async () => (await browser.request('/quan-tri/')).status === 200;

  it('ends after 30 minutes without activity', async () => {
    t.clock.advance(29 * MINUTE);
    expect(await signedIn()).toBe(true);
    t.clock.advance(29 * MINUTE);
    expect(await signedIn()).toBe(true);
    t.clock.advance(30 * MINUTE);
    expect(await signedIn()).toBe(false);
    // The session cookie goes; the known-device cookie (docs/adr/0018) stays.
    expect(browser.cookies.has('congso_phien')).toBe(false);
  });

  it('ends after 12 hours however active', async () => {
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect(await signedIn()).toBe(true);
    }
    t.clock.advance(20 * MINUTE);
    expect(await signedIn()).toBe(false);
  });

  it('drops a session planted before sign-in and issues a fresh token (no fixation)', async () => {
    const planted = [...browser.cookies.values()][0];
    const signInAgain = await browser.signIn('nvan', 'bốn mùa hoa phượng đỏ');
    expect(signInAgain.status).toBe(303);
    const fresh = [...browser.cookies.values()][0];
    expect(fresh).not.toBe(planted);
    expect(await t.storage.sessions.find(hashSessionToken(planted))).toBeNull();
    expect(await t.storage.sessions.find(hashSessionToken(fresh))).not.toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const token = [...browser.cookies.values()][0];
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = await t.storage.sessions.find(hashSessionToken(token));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('signs out on POST only and ends the session server-side', async () => {
    const token = [...browser.cookies.values()][0];
    expect((await browser.request('/quan-tri/dang-xuat')).status).not.toBe(303);
    expect(await signedIn()).toBe(true);
    const out = await browser.request('/quan-tri/dang-xuat', { form: {} });
    expect(out.headers.get('location')).toBe('/quan-tri/dang-nhap?thong-bao=da-dang-xuat');
    expect(await t.storage.sessions.find(hashSessionToken(token))).toBeNull();
  });
});

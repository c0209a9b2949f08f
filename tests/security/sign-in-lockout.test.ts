import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../accounts/support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 8: ten failed sign-ins spread over two minutes locked any official
 * out for fifteen minutes, the right password included, again and again.
 * Now failures only slow down the next guess, a device the holder signed in
 * from before is never held back by anyone else's failures, and however the
 * guesses are spread, at most 100 an hour reach one account from elsewhere.
 */
const HOLDER_OFFICE = '192.0.2.10';
const ATTACKER = '203.0.113.66';
const WRONG = 'đoán bừa một mật khẩu';
const PASSWORD = 'sông Hương chiều thu';

describe.each(STORAGE_KINDS)('sign-in without lockouts ($name)', (kind) => {
  let t: TestApp;
  let holder: Browser;

  beforeEach(async () => {
    t = await createTestApp({ storage: await kind.open() });
    const account = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    holder = new Browser(t, 'sotuphap.localhost', HOLDER_OFFICE);
    await holder.signInFully(account.username, account.password, PASSWORD);
  });
  afterEach(() => t.storage.close());

  /** `count` wrong passwords that the server actually checked, waiting out each delay as a patient attacker would. */
  async function guess(
    count: number,
    from: (i: number) => Browser = () => new Browser(t, 'sotuphap.localhost', ATTACKER),
  ): Promise<void> {
    for (let checked = 0; checked < count; ) {
      const response = await from(checked).signIn('nvan', WRONG);
      if (response.status === 401) checked += 1;
      else if (response.status === 429) t.clock.advance(Number(response.headers.get('retry-after')) * 1000);
      else throw new Error(`unexpected ${response.status}`);
    }
  }

  it.each([10, 50, 99])(
    'lets the holder in from their own computer right after %i failures from an attacker',
    async (failures) => {
      await guess(failures);
      // The attacker's last failure has just set a delay: a browser the account never used must wait…
      expect((await new Browser(t, 'sotuphap.localhost', HOLDER_OFFICE).signIn('nvan', PASSWORD)).status).toBe(429);
      // …the holder's own computer need not.
      expect((await holder.signIn('nvan', PASSWORD)).status).toBe(303);
      expect((await holder.request('/quan-tri/')).status).toBe(200);
    },
  );

  it('is not fooled by guesses from the holder’s own office address', async () => {
    await guess(30, () => new Browser(t, 'sotuphap.localhost', HOLDER_OFFICE));
    expect((await holder.signIn('nvan', PASSWORD)).status).toBe(303);
  });

  it('refuses the 101st attempt in an hour from an unknown device, the right password included, while the known device still works', async () => {
    const start = t.clock();
    // Spread over a hundred addresses: the cap is the account's, not an address's.
    await guess(100, (i) => new Browser(t, 'sotuphap.localhost', `198.51.100.${i + 1}`));
    expect(t.clock() - start).toBeLessThan(60 * 60_000);
    const stranger = new Browser(t, 'sotuphap.localhost', '198.51.100.200');
    t.clock.advance(30_000);
    const refused = await stranger.request('/quan-tri/dang-nhap', {
      form: { username: 'nvan', password: PASSWORD },
      headers: { accept: 'application/json' },
    });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; data: { capped: boolean } } };
    expect(body.error).toMatchObject({ code: 'E_THROTTLED', data: { capped: true } });
    expect((await holder.signIn('nvan', PASSWORD)).status).toBe(303);
    // The cap is per hour: once the hour is over, a new device gets in.
    t.clock.advance(Number(refused.headers.get('retry-after')) * 1000);
    expect((await stranger.signIn('nvan', PASSWORD)).status).toBe(303);
  });

  it('makes each guess wait longer than the last, up to half a minute', async () => {
    const attacker = new Browser(t, 'sotuphap.localhost', ATTACKER);
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await attacker.signIn('nvan', WRONG);
      if (response.status === 429) {
        const wait = Number(response.headers.get('retry-after'));
        waits.push(wait);
        t.clock.advance(wait * 1000);
      }
    }
    expect(waits.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[0]).toBeLessThan(waits.at(-1)!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30);
  });

  it('counts the known device’s own failures in its own bucket', async () => {
    for (let i = 0; i < 3; i += 1) expect((await holder.signIn('nvan', WRONG)).status).toBe(401);
    expect((await holder.signIn('nvan', PASSWORD)).status).toBe(429);
    // Nobody else is slowed down by the holder's typing mistakes.
    expect((await new Browser(t, 'sotuphap.localhost', ATTACKER).signIn('nvan', PASSWORD)).status).toBe(303);
  });

  it('does not take a forged or borrowed device cookie for a known device', async () => {
    const token = holder.cookies.get('congso_thiet_bi_nvan')!;
    expect(token).toBeDefined();
    await t.addAccount('Đặng Thị Mai', 'contributor', 'sotuphap', ['tin-tuc']);
    const forger = new Browser(t, 'sotuphap.localhost', ATTACKER);
    forger.cookies.set('congso_thiet_bi_nvan', `${token.slice(0, -2)}AA`);
    forger.cookies.set('congso_thiet_bi_dtmai', token);
    await guess(4, () => forger);
    expect((await forger.signIn('nvan', PASSWORD)).status).toBe(429);
  });

  it('keeps the device cookie HttpOnly and SameSite=Strict, and __Host- with Secure over https', async () => {
    const plain = (await new Browser(t).signIn('nvan', PASSWORD)).headers
      .getSetCookie()
      .find((c) => c.startsWith('congso_thiet_bi_nvan='))!;
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Strict/);
    expect(plain).toMatch(/Path=\//);
    t.clock.advance(60_000);
    const https = await t.app.request('https://sotuphap.localhost/quan-tri/dang-nhap', {
      method: 'POST',
      headers: { origin: 'https://sotuphap.localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'nvan', password: PASSWORD }),
    });
    const secure = https.headers.getSetCookie().find((c) => c.startsWith('__Host-congso_thiet_bi_nvan='))!;
    expect(secure).toMatch(/Secure/);
    expect(secure).not.toMatch(/Domain/);
  });
});

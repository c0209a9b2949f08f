import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { Browser, createTestApp, DEPARTMENTS, type TestApp } from '../accounts/support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * /healthz answers anyone, but the repository head, build commits and build
 * times are for the province administrator and for a probe on the server
 * itself; a stranger learns only whether the platform is up.
 */
const STRANGER = '203.0.113.9';
// No site is built in this test's world, whatever `npm start` left in the working folder's dist/.
const NO_SITES = path.join(tmpdir(), 'congso-healthz-no-sites');

describe.each(STORAGE_KINDS)('/healthz details ($name)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ storage: await kind.open(), distDir: NO_SITES });
  });
  afterEach(() => t.storage.close());

  async function health(browser: Browser, headers?: Record<string, string>) {
    const response = await browser.request('/healthz', { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('tells a stranger only whether the platform is up', async () => {
    for (const host of ['localhost', 'sotuphap.localhost']) {
      const { status, body } = await health(new Browser(t, host, STRANGER));
      expect(status).toBe(503);
      expect(body).toEqual({ ok: false });
    }
  });

  it('gives the details to a probe on the server itself', async () => {
    const { body } = await health(new Browser(t, 'localhost', '127.0.0.1'));
    expect(body).toMatchObject({ ok: false, database: { ok: true }, contentRepository: { ok: true } });
    expect(body.builds).toHaveLength(DEPARTMENTS.length);
    expect((await health(new Browser(t, 'localhost', '::ffff:127.0.0.1'))).body).toHaveProperty('builds');
  });

  it('behind a trusted proxy, counts the client the proxy names, not the proxy’s loopback socket', async () => {
    const proxied: TestApp = {
      ...t,
      app: createApp({
        storage: t.storage,
        departments: DEPARTMENTS,
        services: t.services,
        trustProxy: true,
        distDir: NO_SITES,
      }),
    };
    const viaProxy = new Browser(proxied, 'localhost', '127.0.0.1');
    expect((await health(viaProxy, { 'x-forwarded-for': STRANGER })).body).toEqual({ ok: false });
    // A client cannot claim to be loopback: the proxy appends the address it really saw.
    expect((await health(viaProxy, { 'x-forwarded-for': `127.0.0.1, ${STRANGER}` })).body).toEqual({ ok: false });
    expect((await health(viaProxy)).body).toHaveProperty('builds');
  });

  it('gives the details to the signed-in province administrator, not to a department head', async () => {
    const admin = await t.addAccount('Quản Trị Viên', 'admin');
    const adminBrowser = new Browser(t, 'localhost', STRANGER);
    // Until the one-time password is changed the administrator is nobody special.
    await adminBrowser.signIn(admin.username, admin.password);
    expect((await health(adminBrowser)).body).toEqual({ ok: false });
    await adminBrowser.changePassword(admin.password, 'sông Hương chiều thu');
    expect((await health(adminBrowser)).body).toHaveProperty('builds');

    const head = await t.addAccount('Trần Văn Hùng', 'head');
    const headBrowser = new Browser(t, 'sotuphap.localhost', STRANGER);
    await headBrowser.signInFully(head.username, head.password);
    expect((await health(headBrowser)).body).toEqual({ ok: false });
  });
});

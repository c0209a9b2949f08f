import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../accounts/support.ts';
import { createFullApp, DEPARTMENT_HOST, PORTAL_HOST, type FullApp } from './full-app.ts';
import { isSafeLocation } from './response-checks.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * `GET //tin-tuc` on a department host answered `301 Location: //tin-tuc/`,
 * which a browser reads as the host "tin-tuc": an open redirect from an
 * official address. No redirect of the server may leave the site.
 */
describe.each(STORAGE_KINDS)('redirects stay on the site ($name)', (kind) => {
  let t: FullApp;
  beforeAll(async () => {
    t = await createFullApp(await kind.open());
  });
  afterAll(() => t?.close());

  it.each([
    ['//van-ban', '/van-ban/'],
    ['///van-ban', '/van-ban/'],
    ['/%2Fvan-ban', '/van-ban/'],
    ['//van-ban/qd-2567-2007', '/van-ban/qd-2567-2007/'],
    ['//van-ban?trang=2', '/van-ban/?trang=2'],
  ])('sends %s to the page %s of this site', async (path, expected) => {
    const response = await new Browser(t, DEPARTMENT_HOST).request(path);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(expected);
  });

  it('sends nobody off the site, whatever page or next page is asked for', async () => {
    const hostile = [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      '/quan-tri/\t/evil.example',
      '%2F%2Fevil.example',
    ];
    const locations: Array<[string, string | null]> = [];
    const visit = async (browser: Browser, path: string, init?: Parameters<Browser['request']>[1]) => {
      const response = await browser.request(path, init);
      locations.push([`${browser.host}${path}`, response.headers.get('location')]);
    };
    for (const host of [DEPARTMENT_HOST, PORTAL_HOST]) {
      const anonymous = new Browser(t, host);
      for (const path of [
        '//van-ban',
        '//van-ban/',
        '/%2F%2Fevil.example',
        '//evil.example/van-ban',
        '/admin',
        '/tra-cuu',
        '/thong-ke',
        '/quan-tri',
        '/quan-tri/ho-so',
        '/admin/',
      ]) {
        await visit(anonymous, path);
      }
      for (const next of hostile) await visit(anonymous, `/quan-tri/tai-khoan?tiep=${encodeURIComponent(next)}`);
    }
    for (const next of hostile) {
      const head = new Browser(t, DEPARTMENT_HOST, `192.0.2.${locations.length % 250}`);
      await visit(head, `/quan-tri/dang-nhap?tiep=${encodeURIComponent(next)}`, {
        form: { username: t.people.head.username, password: t.people.head.password },
      });
    }
    expect(locations.filter(([, location]) => location !== null).length).toBeGreaterThan(10);
    expect(locations.filter(([, location]) => location !== null && !isSafeLocation(location))).toEqual([]);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { loadDepartments, loadProvince } from '#src/content-source/departments.ts';
import { VIETNAMESE_SECTIONS } from '#src/schema/sections.ts';
import { SERVICE_IDS } from '#src/schema/service-process.ts';
import { ACCESSIBILITY_PATH, OPEN_DATA_PATH, PRIVACY_NOTICE_PATH } from '#src/site-paths.ts';
import { createApp } from '#server/platform/app.ts';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { wcagViolations } from '../support/axe.ts';

/**
 * A citizen's visit to a real department site built from the sample content:
 * every Điều 7 section, a detail page in each, the search typed without
 * diacritics, the English pages and their search, the statements and the
 * open data, the 404 page and the province portal, each checked with axe.
 */
const SITE = 'sotuphap';
let work: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let origin: string;
let portal: string;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  work = await mkdtemp(path.join(tmpdir(), 'congso-e2e-'));
  const outDir = path.join(work, 'dist');
  await buildSites({
    contentRoot: PROJECT_ROOT,
    outDir,
    sites: [SITE],
    workDir: path.join(PROJECT_ROOT, '.build', `e2e-${process.pid}`),
  });
  const storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const departments = await loadDepartments(PROJECT_ROOT);
  const app = createApp({ storage, departments, distDir: outDir, province: await loadProvince(PROJECT_ROOT) });
  server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  origin = `http://${SITE}.localhost:${server.port}`;
  portal = `http://localhost:${server.port}`;
  browser = await launchChromium();
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(path.join(PROJECT_ROOT, '.build', `e2e-${process.pid}`), { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

async function expectAccessible(label: string) {
  const violations = await wcagViolations(page);
  expect(violations, `${label}: ${page.url()}`).toEqual([]);
}

describe.skipIf(!chromiumAvailable)('a citizen visits a department site', () => {
  it('reaches every section from the home page (the eight of Điều 7 and Q&A), and a detail page in each', async () => {
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible('home');
    for (const section of VIETNAMESE_SECTIONS) {
      await page.goto(`${origin}/`);
      await page.locator(`nav a[href="/${section.id}/"]`).first().click();
      // A click starts the navigation; under load the new page may not have arrived yet.
      await page.waitForURL((url) => url.pathname === `/${section.id}/`);
      await expectAccessible(`list ${section.id}`);
      const entryLinks = page.locator(`main a[href^="/${section.id}/"]:not([href="/${section.id}/"])`);
      const hrefs = (await entryLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter(
        (h) =>
          h.split('/').filter(Boolean).length === 2 && !/\/(trang|loai|nam|linh-vuc|hieu-luc|sap-xep|muc-do)\//.test(h),
      );
      expect(hrefs.length, `entries listed in ${section.id}`).toBeGreaterThan(0);
      const detail = await page.goto(`${origin}${hrefs[0]}`);
      expect(detail?.status()).toBe(200);
      expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(0);
      await expectAccessible(`detail ${section.id}`);
    }
  });

  it.each(['dang ky', 'khieu nai'])('finds results for "%s" typed without diacritics', async (query) => {
    await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(query)}`);
    const results = page.locator('main ol li a, main ul li a').filter({ hasText: /\S/ });
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBeGreaterThan(0);
    const excerpts = await page.locator('main mark').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    // Excerpts keep their Vietnamese letters: no folding artefacts reach the reader.
    expect(excerpts.join(' ')).not.toMatch(/\u0335/);
    await expectAccessible(`search ${query}`);
  });

  it.each(['/dich-vu/khieu-nai-to-cao', '/tra-cuu/', '/thong-ke/'])(
    'reaches the online service page %s from the home page, in the site’s own look',
    async (href) => {
      await page.goto(`${origin}/`);
      await page.locator(`main a[href="${href}"]`).first().click();
      await page.waitForURL((url) => url.pathname === href);
      expect(await page.locator('header').first().innerText()).toContain('SỞ TƯ PHÁP');
      await expectAccessible(`service ${href}`);
    },
  );

  it('switches to the English pages and back, each page accessible and in English', async () => {
    await page.goto(`${origin}/gioi-thieu/lanh-dao/`);
    await page.locator('header a.lang-switch').click();
    await page.waitForURL((url) => url.pathname === '/en/leadership-and-contacts/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible('English leadership');
    await page.goto(`${origin}/en/`);
    await expectAccessible('English home');
    const pages = await page
      .locator('main .card__title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(pages).toHaveLength(4);
    for (const href of pages) {
      const response = await page.goto(`${origin}${href}`);
      expect(response?.status()).toBe(200);
      await expectAccessible(`English ${href}`);
    }
    await page.locator('header a.lang-switch').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/en/'));
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('finds the English pages in English from /en/, and keeps them out of the Vietnamese search', async () => {
    await page.goto(`${origin}/en/`);
    await page.locator('header input[type="search"]').fill('duties');
    await page.locator('header form button').click();
    await page.waitForURL((url) => url.pathname === '/en/search/');
    const results = page.locator('#search-list a');
    await results.first().waitFor({ timeout: 15_000 });
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/en/functions-and-duties/');
    expect(hrefs.every((h) => h.startsWith('/en/'))).toBe(true);
    await expectAccessible('English search');
    await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent('Department of Justice')}`);
    await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !/Đang tìm/.test(document.getElementById('search-status')?.textContent ?? ''));
    const vietnamese = await page
      .locator('#search-list a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(vietnamese.filter((h) => h.startsWith('/en/'))).toEqual([]);
  });

  it.each([ACCESSIBILITY_PATH, PRIVACY_NOTICE_PATH, OPEN_DATA_PATH])(
    'reaches %s from the footer of the home page',
    async (href) => {
      await page.goto(`${origin}/`);
      await page.locator(`footer a[href="${href}"]`).click();
      await page.waitForURL((url) => url.pathname === href);
      await expectAccessible(href);
    },
  );

  it.each(SERVICE_IDS)(
    'links the full personal-data notice from the form of %s, and from its footer',
    async (service) => {
      await page.goto(`${origin}/dich-vu/${service}`);
      expect(
        await page
          .locator(`form a[href="${PRIVACY_NOTICE_PATH}"], .dv-privacy a[href="${PRIVACY_NOTICE_PATH}"]`)
          .count(),
      ).toBeGreaterThan(0);
      expect(await page.locator(`footer a[href="${PRIVACY_NOTICE_PATH}"]`).count()).toBe(1);
    },
  );

  it('opens the request-for-information form from the access-to-information section (docs/adr/0048)', async () => {
    await page.goto(`${origin}/tiep-can-thong-tin/`);
    expect(await page.locator('main [data-dau-moi]').count()).toBe(1);
    await page.locator('main a[data-yeu-cau]').click();
    await page.waitForURL((url) => url.pathname === '/dich-vu/tiep-can-thong-tin');
    expect(await page.locator('select[name="delivery"]').count()).toBe(1);
    await expectAccessible('service /dich-vu/tiep-can-thong-tin');
  });

  it('opens a website-feedback form on accessibility when a barrier is reported from the statement', async () => {
    await page.goto(`${origin}${ACCESSIBILITY_PATH}`);
    await page.locator('main a[href^="/dich-vu/phan-hoi-website"]').click();
    await page.waitForURL((url) => url.pathname === '/dich-vu/phan-hoi-website');
    expect(await page.locator('select[name="category"]').inputValue()).toBe('tiep-can');
  });

  it('answers an unknown address with the 404 page', async () => {
    const response = await page.goto(`${origin}/khong-ton-tai/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/\S/);
    await expectAccessible('404');
  });

  it('lists every department with its official addresses on the province portal', async () => {
    const response = await page.goto(`${portal}/`);
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    for (const d of await loadDepartments(PROJECT_ROOT)) {
      expect(text).toContain(d.name);
      for (const domain of d.domains) expect(text).toContain(domain);
    }
    await expectAccessible('portal');
  });

  it('serves the province-wide register on the portal, the records of the built sites together', async () => {
    await page.goto(`${portal}/`);
    await page.locator('main a[href="/du-lieu/van-ban.json"]').waitFor();
    const json = (await (await page.request.get(`${portal}/du-lieu/van-ban.json`)).json()) as {
      records: Array<{ url: string }>;
    };
    await page.goto(`${origin}/du-lieu/`);
    // Fetched by the browser, which resolves <site>.localhost; the test runner's own requests do not.
    const site = (await page.evaluate(`fetch('/du-lieu/van-ban.json').then((r) => r.json())`)) as {
      records: Array<{ url: string }>;
    };
    expect(json.records.map((r) => r.url)).toEqual(site.records.map((r) => r.url));
    const csv = await page.request.get(`${portal}/du-lieu/van-ban.csv`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { loadDepartments, loadProvince } from '#src/content-source/departments.ts';
import { SECTIONS } from '#src/schema/sections.ts';
import { createApp } from '#server/platform/app.ts';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { wcagViolations } from '../support/axe.ts';

/**
 * A citizen's visit to a real department site built from the sample content:
 * every Điều 7 section, a detail page in each, the search typed without
 * diacritics, the 404 page and the province portal, each checked with axe.
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
  await buildSites({ contentRoot: PROJECT_ROOT, outDir, sites: [SITE], workDir: path.join(PROJECT_ROOT, '.build', `e2e-${process.pid}`) });
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
    for (const section of SECTIONS) {
      await page.goto(`${origin}/`);
      await page.locator(`nav a[href="/${section.id}/"]`).first().click();
      expect(new URL(page.url()).pathname).toBe(`/${section.id}/`);
      await expectAccessible(`list ${section.id}`);
      const entryLinks = page.locator(`main a[href^="/${section.id}/"]:not([href="/${section.id}/"])`);
      const hrefs = (await entryLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter(
        (h) => h.split('/').filter(Boolean).length === 2 && !/\/(trang|loai|nam|linh-vuc|hieu-luc|sap-xep|muc-do)\//.test(h),
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

  it.each(['/dich-vu/khieu-nai-to-cao', '/tra-cuu/', '/thong-ke/'])('reaches the online service page %s from the home page, in the site’s own look', async (href) => {
    await page.goto(`${origin}/`);
    await page.locator(`main a[href="${href}"]`).first().click();
    expect(new URL(page.url()).pathname).toBe(href);
    expect(await page.locator('header').first().innerText()).toContain('SỞ TƯ PHÁP');
    await expectAccessible(`service ${href}`);
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
});

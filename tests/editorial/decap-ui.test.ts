import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RightNotGrantedError } from '#server/editorial/errors.ts';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { entryHistory } from '#server/editorial/content-repository/entry-store.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { decapBrowser, type DecapBrowser } from './decap-browser.ts';
import { LIVE_SITE, startLiveApp, type LiveApp } from './live-app.ts';

/**
 * The three steps end to end, through the real Decap CMS in Chromium (Điều 19): a
 * contributor enters a news item citing its source and sends it for
 * verification, a deputy verifies it, the contributor's own attempt to
 * publish is refused with the Vietnamese sentence in Decap's toast, the head
 * publishes, and the page is live on the department host and found by the
 * site's search typed without diacritics. The server and its CSP are the
 * real ones (no bypassCSP): a policy too strict for Decap or Pagefind fails here.
 */

const TITLE = 'Tập huấn đăng ký khai sinh trực tuyến năm 2025';
const SLUG = 'tap-huan-dang-ky-khai-sinh-truc-tuyen-nam-2025';
const SOURCE = 'Báo Thừa Thiên Huế';
const SHOTS = path.join(tmpdir(), 'congso-decap-ui');
const ENTRY = { collection: 'tin-tuc', slug: SLUG, title: TITLE };

describe.skipIf(!chromiumAvailable)(
  'Decap CMS in Chromium: enter, verify, publish, live and searchable (Điều 19)',
  () => {
    let live: LiveApp;
    let browser: Browser;
    let ui: DecapBrowser;

    beforeAll(async () => {
      [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
      ui = decapBrowser(browser, live);
    }, 120_000);

    afterEach(async (context) => {
      if (context.task.result?.state === 'fail') await ui.screenshots(SHOTS);
    });

    afterAll(async () => {
      await ui?.close();
      await browser?.close();
      await live?.close();
    });

    it('lets a contributor enter a news item citing its source and send it for verification', async () => {
      const page = await ui.openDecap('contributor', live.people.contributor);
      await page.goto(`${live.origin}/admin/#/collections/tin-tuc/new`);
      await page.getByLabel('Tiêu đề').fill(TITLE);
      await page
        .getByLabel('Tóm tắt')
        .fill('Sở Tư pháp tổ chức tập huấn đăng ký khai sinh trực tuyến cho công chức tư pháp – hộ tịch cấp xã.');
      await page.getByLabel('Ngày đăng').fill('2025-03-10');
      await page.getByLabel('Chuyên mục').click();
      await page.getByText('Thông báo', { exact: true }).click();
      // Điều 19a: an item taken from elsewhere names its source.
      await page.getByLabel('Loại').click();
      await page.getByText('Đăng lại, ghi rõ nguồn (Điều 19a)').click();
      await page.getByLabel(/^Tên( |$)/).fill(SOURCE);
      await page.locator('[contenteditable="true"]').first().click();
      await page.keyboard.type(
        'Ngày 10/3, Sở Tư pháp tổ chức lớp tập huấn về đăng ký khai sinh trực tuyến cho công chức tư pháp – hộ tịch.',
      );
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await ui.toast(page, 'Mục đã được lưu');

      await ui.setStatus(page, 'Đang xét duyệt');
      const steps = await entryHistory(live.repo, { site: LIVE_SITE, section: 'tin-tuc', slug: SLUG });
      expect(steps.map((s) => [s.event, s.by.username])).toEqual([
        ['create', live.people.contributor.username],
        ['submit', live.people.contributor.username],
      ]);
    }, 90_000);

    it('lets a deputy verify it (step 2), moving it to ready', async () => {
      const page = await ui.openDecap('deputy', live.people.deputy);
      await ui.openEntry(page, ENTRY);
      await ui.setStatus(page, 'Sẵn sàng');
    }, 90_000);

    it("shows the contributor's attempt to publish refused, in Vietnamese, in Decap itself", async () => {
      const page = ui.pages.get('contributor')!;
      await ui.openEntry(page, ENTRY);
      const answer = page.waitForResponse(
        (r) => r.url().endsWith('/admin/api/v1') && r.request().postDataJSON()?.action === 'publishUnpublishedEntry',
      );
      await ui.publishNow(page);
      const response = await answer;
      expect(response.status()).toBe(403);
      expect((await response.json()).code).toBe(RightNotGrantedError.code);
      const sentence = new RightNotGrantedError({ event: 'publish', right: 'publish', role: 'contributor' }).message;
      expect(await ui.toast(page, 'Không thể công bố')).toContain(sentence);
      expect(await live.repo.readFile(MAIN, `content/${LIVE_SITE}/tin-tuc/${SLUG}.mdx`)).toBeNull();
    }, 90_000);

    it('lets the head publish it (step 3): the page is live on the department host and found without diacritics', async () => {
      const page = await ui.openDecap('head', live.people.head);
      await ui.openEntry(page, ENTRY);
      const visitor = await ui.newPage('visitor');
      const clicked = performance.now();
      await ui.publishNow(page);
      // The publish request answers once the site's rebuild has swapped in (or failed, which would show an error here).
      await ui.toast(page, 'Mục đã được công bố', 60_000);
      const response = await visitor.goto(`http://${LIVE_SITE}.localhost:${live.port}/tin-tuc/${SLUG}/`);
      expect(response?.status()).toBe(200);
      // Measured, not asserted (performance is for npm run bench:publish): the click to the page served, through the warm renderer (ADR 0047).
      console.log(`Công bố → trang được phục vụ: ${((performance.now() - clicked) / 1000).toFixed(2)} s`);
      expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
      expect(await visitor.getByText(SOURCE).count()).toBeGreaterThan(0);

      await visitor.goto(`${live.origin}/tim-kiem/?q=${encodeURIComponent('tap huan khai sinh truc tuyen')}`);
      const hit = visitor.locator('#search-list a', { hasText: TITLE });
      await hit.waitFor({ timeout: 20_000 });
      expect(await hit.getAttribute('href')).toBe(`/tin-tuc/${SLUG}/`);

      const steps = await entryHistory(live.repo, { site: LIVE_SITE, section: 'tin-tuc', slug: SLUG });
      expect(steps.map((s) => [s.event, s.by.username])).toEqual([
        ['create', live.people.contributor.username],
        ['submit', live.people.contributor.username],
        ['verify', live.people.deputy.username],
        ['publish', live.people.head.username],
      ]);
    }, 90_000);

    it('ran Decap and Pagefind under the real Content-Security-Policy without a single violation', () => {
      expect(ui.cspViolations).toEqual([]);
    });
  },
);

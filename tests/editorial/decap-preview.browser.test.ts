import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { decapBrowser, type DecapBrowser } from './decap-browser.ts';
import { startLiveApp, type LiveApp } from './live-app.ts';

/**
 * Decap's preview looks like the page (docs/adr/0094): the same news item,
 * once in the preview pane while it is edited and once as the built site
 * serves it, at the same width; the two pictures of its article differ in
 * almost no pixel. Real server, real CSP, real build.
 */
const ENTRY = {
  collection: 'tin-tuc',
  slug: 'huong-dan-dang-ky-khai-sinh',
  title: 'Hướng dẫn đăng ký khai sinh trực tuyến',
};

/**
 * Share of pixels whose colour differs noticeably, over the area both pictures
 * cover. Each row is matched against the rows up to two pixels above or below
 * it: the two pages place blocks at fractional offsets, which moves
 * anti-aliased text by a pixel, while a different word, label or colour
 * differs at any offset.
 */
async function differingPixels(a: Buffer, b: Buffer): Promise<{ share: number; sizes: number[][] }> {
  const [ra, rb] = await Promise.all(
    [a, b].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  const width = Math.min(ra!.info.width, rb!.info.width);
  const height = Math.min(ra!.info.height, rb!.info.height);
  const rowDiff = (y: number, yb: number) => {
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * ra!.info.width + x) * 4;
      const j = (yb * rb!.info.width + x) * 4;
      const delta = Math.max(
        Math.abs(ra!.data[i]! - rb!.data[j]!),
        Math.abs(ra!.data[i + 1]! - rb!.data[j + 1]!),
        Math.abs(ra!.data[i + 2]! - rb!.data[j + 2]!),
      );
      if (delta > 48) n++;
    }
    return n;
  };
  let differing = 0;
  for (let y = 0; y < height; y++) {
    let best = width;
    for (let dy = -2; dy <= 2; dy++)
      if (y + dy >= 0 && y + dy < rb!.info.height) best = Math.min(best, rowDiff(y, y + dy));
    differing += best;
  }
  return {
    share: differing / (width * height),
    sizes: [
      [ra!.info.width, ra!.info.height],
      [rb!.info.width, rb!.info.height],
    ],
  };
}

describe.skipIf(!chromiumAvailable)('Decap preview as the page, in Chromium (docs/adr/0094)', () => {
  let live: LiveApp;
  let browser: Browser;
  let ui: DecapBrowser;

  beforeAll(async () => {
    [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
    ui = decapBrowser(browser, live);
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await live?.close();
  });

  it('shows a news item in the preview as the site shows it: same labels, date, source line and look', async () => {
    const page = await ui.openDecap('head', live.people.head);
    await ui.openEntry(page, ENTRY);
    const frame = page.frameLocator('iframe');
    const article = frame.locator('article');
    await expect.poll(() => article.locator('h1').textContent(), { timeout: 20_000 }).toBe(ENTRY.title);
    expect(await article.locator('.meta').textContent()).toBe(
      '08:00, ngày 10 tháng 01 năm 2025Chuyên mục: Phổ biến pháp luật',
    );
    expect(await article.locator('.source').textContent()).toBe('Tin: Ban Biên tập');
    // The site's own stylesheet is in the preview.
    await expect.poll(() => frame.locator('link[rel="stylesheet"][href^="/_astro/"]').count()).toBeGreaterThan(0);

    const width = await page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.innerWidth);
    const site = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await site.goto(`${live.origin}/${ENTRY.collection}/${ENTRY.slug}/`);
    const onSite = site.locator('article');
    expect(await onSite.locator('h1').textContent()).toBe(ENTRY.title);
    await article.locator('.source').waitFor();
    // Decap's own floating buttons (preview toggle, scroll sync) lie over the preview's corner: not part of the page.
    await page.evaluate(() => {
      for (const b of document.querySelectorAll('button')) {
        const r = b.getBoundingClientRect();
        if (r.top > 60 && r.left > window.innerWidth / 2) (b as HTMLElement).style.visibility = 'hidden';
      }
    });
    const [preview, built] = [await article.screenshot(), await onSite.screenshot()];
    if (process.env.CONGSO_SCREENSHOTS) {
      await sharp(preview).toFile(path.join(process.env.CONGSO_SCREENSHOTS, 'preview-article.png'));
      await sharp(built).toFile(path.join(process.env.CONGSO_SCREENSHOTS, 'site-article.png'));
    }
    const { share, sizes } = await differingPixels(preview, built);
    expect(Math.abs(sizes[0]![0]! - sizes[1]![0]!), JSON.stringify(sizes)).toBeLessThanOrEqual(2);
    expect(Math.abs(sizes[0]![1]! - sizes[1]![1]!), JSON.stringify(sizes)).toBeLessThanOrEqual(8);
    if (process.env.CONGSO_SCREENSHOTS) console.log('differing pixels', share, sizes);
    expect(share).toBeLessThan(0.002);
    expect(ui.cspViolations).toEqual([]);
  });
});

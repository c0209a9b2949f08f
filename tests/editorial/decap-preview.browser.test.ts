import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { decapBrowser, type DecapBrowser } from './decap-browser.ts';
import { startLiveApp, type LiveApp } from './live-app.ts';

/**
 * Decap's preview is the page (docs/adr/0094, 0106): the same entry, once in
 * the preview pane while it is edited — drawn on the server by the site's own
 * Astro code and shown in a sandboxed frame — and once as the built site
 * serves it, at the same width; the two pictures of the main content region
 * differ in almost no pixel. A news item (its meta line, category label and
 * source line) and a procedure (its tables). Real server, real CSP, real build.
 */
const NEWS = {
  collection: 'tin-tuc',
  slug: 'huong-dan-dang-ky-khai-sinh',
  title: 'Hướng dẫn đăng ký khai sinh trực tuyến',
};
const PROCEDURE = {
  collection: 'thu-tuc-hanh-chinh',
  slug: 'thu-tuc-mau',
  title: 'Thủ tục mẫu: thay bằng thủ tục hành chính thật của đơn vị',
};
/**
 * The tolerance: under 0.2% of the pixels of the region may differ noticeably
 * (a channel off by more than 48 of 255, each row matched within two pixels
 * up or down), and the regions' sizes within 2 px wide and 8 px high.
 */
const TOLERANCE = { share: 0.002, width: 2, height: 8 };

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

describe.skipIf(!chromiumAvailable)('Decap preview as the page, in Chromium (docs/adr/0094, 0106)', () => {
  let live: LiveApp;
  let browser: Browser;
  let ui: DecapBrowser;

  beforeAll(async () => {
    [live, browser] = await Promise.all([startLiveApp(), launchChromium()]);
    ui = decapBrowser(browser, live);
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await ui.screenshots(path.join(tmpdir(), 'congso-decap-preview'));
  });

  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await live?.close();
  });

  /** The page in the preview pane's sandboxed frame, and the same entry's page on the built site at that frame's size. */
  async function compare(page: Page, entry: typeof NEWS, name: string) {
    await ui.openEntry(page, entry);
    const frame = page.frameLocator('iframe').first().frameLocator('iframe[data-preview-page]');
    const main = frame.locator('main');
    await expect.poll(() => main.locator('h1').first().textContent(), { timeout: 30_000 }).toBe(entry.title);
    // A frame with no script and an opaque origin: nothing in a draft runs in the editor's session.
    const box = page.frameLocator('iframe').first().locator('iframe[data-preview-page]');
    expect(await box.getAttribute('sandbox')).toBe('');
    const size = await box.evaluate((f) => ({ width: f.clientWidth, height: f.clientHeight }));
    const site = await (await browser.newContext({ viewport: size })).newPage();
    await site.goto(`${live.origin}/${entry.collection}/${entry.slug}/`);
    const onSite = site.locator('main');
    expect(await onSite.locator('h1').first().textContent()).toBe(entry.title);
    const [preview, built] = [await main.screenshot(), await onSite.screenshot()];
    if (process.env.CONGSO_SCREENSHOTS) {
      await sharp(preview).toFile(path.join(process.env.CONGSO_SCREENSHOTS, `preview-${name}.png`));
      await sharp(built).toFile(path.join(process.env.CONGSO_SCREENSHOTS, `site-${name}.png`));
    }
    const { share, sizes } = await differingPixels(preview, built);
    if (process.env.CONGSO_SCREENSHOTS) console.log(name, 'differing pixels', share, sizes);
    expect(Math.abs(sizes[0]![0]! - sizes[1]![0]!), JSON.stringify(sizes)).toBeLessThanOrEqual(TOLERANCE.width);
    expect(Math.abs(sizes[0]![1]! - sizes[1]![1]!), JSON.stringify(sizes)).toBeLessThanOrEqual(TOLERANCE.height);
    expect(share).toBeLessThan(TOLERANCE.share);
    await site.context().close();
    return { frame, main };
  }

  it('shows a news item in the preview as the site shows it: same labels, date, source line and look', async () => {
    const page = await ui.openDecap('head', live.people.head);
    // Tall enough for the whole article in the pane's frame.
    await page.setViewportSize({ width: 1280, height: 1400 });
    const { main } = await compare(page, NEWS, 'news');
    expect(await main.locator('.meta').textContent()).toMatch(
      /^\s*08:00, ngày 10 tháng 01 năm 2025\s*Chuyên mục: Phổ biến pháp luật\s*$/,
    );
    expect((await main.locator('.source').textContent())?.trim()).toBe('Tin: Ban Biên tập');

    // Edited: the page follows, once typing pauses.
    await page.getByLabel('Tiêu đề').fill('Hướng dẫn đăng ký khai sinh qua Cổng dịch vụ công');
    await expect
      .poll(() => main.locator('h1').first().textContent(), { timeout: 20_000 })
      .toBe('Hướng dẫn đăng ký khai sinh qua Cổng dịch vụ công');
    // A draft that is not yet a page says why, in Vietnamese, by the field's label.
    await page.getByLabel('Tiêu đề').fill('');
    const problems = page.frameLocator('iframe').first().locator('[data-preview-problems]');
    await expect.poll(() => problems.textContent(), { timeout: 20_000 }).toMatch(/^Bản nháp chưa dựng được.*Tiêu đề: /);
    expect(ui.cspViolations).toEqual([]);
  }, 120_000);

  it('shows a procedure with its tables drawn, as the site does', async () => {
    const page = ui.pages.get('head')!;
    await page.setViewportSize({ width: 1280, height: 2400 });
    const { main } = await compare(page, PROCEDURE, 'procedure');
    // Its table of facts and its steps, each with who is responsible and its time (Điều 7.3), drawn.
    expect(await main.locator('table', { hasText: 'Mã thủ tục' }).count()).toBe(1);
    const steps = (await main.textContent())!.replace(/\s+/g, ' ');
    expect(steps).toContain(
      'Tiếp nhận hồ sơ Người chịu trách nhiệm CẦN ĐIỀN, Bộ phận Một cửa Thời hạn 1 ngày làm việc',
    );
    expect(ui.cspViolations).toEqual([]);
  }, 120_000);

  it('shows a shared draft as the page to someone without an account, with no accessibility violation', async () => {
    const page = ui.pages.get('head')!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await ui.openEntry(page, NEWS);
    await page.getByLabel('Tiêu đề').fill('Hướng dẫn đăng ký khai sinh trực tuyến (bản sửa)');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await ui.toast(page, 'Mục đã được lưu');
    await page.goto(`${live.origin}/quan-tri/bai-viet/${NEWS.collection}/${NEWS.slug}`);
    await page.getByRole('button', { name: 'Tạo liên kết xem trước' }).click();
    const address = await page.locator('[data-lien-ket]').first().getAttribute('data-lien-ket');
    const { pathname, search } = new URL(address!);
    const reader = await (await browser.newContext()).newPage();
    const shown = await reader.goto(`${live.origin}${pathname}${search}`);
    expect(shown?.status()).toBe(200);
    expect(await reader.locator('main h1').first().textContent()).toBe(
      'Hướng dẫn đăng ký khai sinh trực tuyến (bản sửa)',
    );
    expect(await reader.locator('main [role="note"]').textContent()).toContain('Bản nháp chưa đăng tải.');
    expect(await wcagViolations(reader)).toEqual([]);
    await reader.context().close();
  }, 120_000);
});

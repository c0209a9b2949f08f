import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { MediaContentMismatchError } from '#src/files/media-policy-errors.ts';
import { decapBrowser, type DecapBrowser } from '../editorial/decap-browser.ts';
import { LIVE_SITE, startLiveApp, type LiveApp } from '../editorial/live-app.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 2 in the real Decap CMS (docs/adr/0021-files-are-data.md): a
 * contributor attaches "Hướng dẫn.pdf" that is really an HTML page; saving is
 * refused with the Vietnamese sentence in Decap's own notification and
 * nothing is written. They replace it with the real PDF ("HUONG_DAN.pdf",
 * stored as huong-dan.pdf in the entry's own folder), the deputy verifies,
 * the head publishes, and the department host serves the PDF as data:
 * its own type, nosniff, a sandboxing policy, no page of ours.
 */

const TITLE = 'Tài liệu hướng dẫn đăng ký hộ tịch trực tuyến';
const SLUG = 'tai-lieu-huong-dan-dang-ky-ho-tich-truc-tuyen';
const ENTRY = { collection: 'tin-tuc', slug: SLUG, title: TITLE };
const FILE = `content/${LIVE_SITE}/tep/tin-tuc/${SLUG}/huong-dan.pdf`;
const URL_PATH = `/tep/tin-tuc/${SLUG}/huong-dan.pdf`;
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/files', name));
const SHOTS = path.join(tmpdir(), 'congso-attachment-ui');

/** A GET on the running server as the department host, headers and bytes as they arrive. */
function fetchFromSite(
  live: LiveApp,
  urlPath: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: live.port, path: urlPath, headers: { host: `${LIVE_SITE}.localhost:${live.port}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Decap's media library for the Attachment component's file field: upload a file as named on the officer's computer, pick it. */
async function attach(
  page: Page,
  button: 'Chọn một tập tin' | 'Chọn tập tin khác',
  name: string,
  bytes: Buffer,
): Promise<void> {
  // The first file field of a news item is its picture; the Attachment component's is the last.
  await page.getByRole('button', { name: button }).last().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Tải lên', { exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
  // Renamed as the server names files, whatever the computer called it (src/cms/upload-names.ts).
  await page.getByText('huong-dan.pdf', { exact: true }).first().waitFor();
  await page.getByText('Lấy những cái đã chọn').click();
}

function save(page: Page) {
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/admin/api/v1') && r.request().postDataJSON()?.action === 'persistEntry',
  );
  return page
    .getByRole('button', { name: 'Lưu', exact: true })
    .click()
    .then(() => answer);
}

describe.skipIf(!chromiumAvailable)('an attachment in the Decap UI is a file, never a page (finding 2)', () => {
  describe.each(STORAGE_KINDS)('$name', (kind) => {
    let live: LiveApp;
    let browser: Browser;
    let ui: DecapBrowser;

    beforeAll(async () => {
      [live, browser] = await Promise.all([startLiveApp({ storage: kind.open }), launchChromium()]);
      ui = decapBrowser(browser, live);
    }, 180_000);

    afterEach(async (context) => {
      if (context.task.result?.state === 'fail') await ui.screenshots(path.join(SHOTS, kind.name));
    });

    afterAll(async () => {
      await ui?.close();
      await browser?.close();
      await live?.close();
    });

    it('refuses on save a ".pdf" that is really an HTML page, with the Vietnamese sentence in Decap, writing nothing', async () => {
      const page = await ui.openDecap('contributor', live.people.contributor);
      await page.goto(`${live.origin}/admin/#/collections/tin-tuc/new`);
      await page.getByLabel('Tiêu đề').fill(TITLE);
      await page
        .getByLabel('Tóm tắt')
        .fill(
          'Sở Tư pháp ban hành tài liệu hướng dẫn đăng ký hộ tịch trực tuyến cho công chức tư pháp – hộ tịch cấp xã.',
        );
      await page.getByLabel('Ngày đăng').fill('2025-03-10');
      await page.getByLabel('Chuyên mục').click();
      await page.getByText('Thông báo', { exact: true }).click();
      await page.getByLabel('Loại').click();
      await page.getByText('Tin do Ban Biên tập viết').click();
      await page.getByRole('button', { name: 'Add Component' }).click();
      await page.getByText('Tệp đính kèm', { exact: true }).click();
      await attach(page, 'Chọn một tập tin', 'Hướng dẫn.pdf', fixture('html-page.pdf'));
      await page.getByLabel('Tên hiển thị').fill('Tài liệu hướng dẫn (PDF)');

      const response = await save(page);
      expect(response.status()).toBe(422);
      expect((await response.json()).code).toBe(MediaContentMismatchError.code);
      const sentence = new MediaContentMismatchError({ path: FILE, extension: 'pdf', detected: null }).message;
      expect(await ui.toast(page, 'Không thể giữ lại mục')).toContain(sentence);
      expect(await live.repo.resolve(`cms/${LIVE_SITE}/tin-tuc/${SLUG}`)).toBeNull();
      expect(await live.repo.readFile(MAIN, FILE)).toBeNull();
    }, 120_000);

    it('takes the real PDF in its place, and the contributor sends the entry for verification', async () => {
      const page = ui.pages.get('contributor')!;
      // A scanner's name: Decap alone would keep the underscore, which the server refuses.
      await attach(page, 'Chọn tập tin khác', 'HUONG_DAN.pdf', fixture('sample.pdf'));
      const response = await save(page);
      expect(response.status()).toBe(200);
      await ui.toast(page, 'Mục đã được lưu');
      await ui.setStatus(page, 'Đang xét duyệt');
      const saved = await live.repo.readFile(`cms/${LIVE_SITE}/tin-tuc/${SLUG}`, FILE);
      expect(Buffer.from(saved!.bytes)).toEqual(fixture('sample.pdf'));
    }, 90_000);

    it('is verified by the deputy and published by the head; the PDF is then served as data on the department host', async () => {
      const deputy = await ui.openDecap('deputy', live.people.deputy);
      await ui.openEntry(deputy, ENTRY);
      await ui.setStatus(deputy, 'Sẵn sàng');
      const head = await ui.openDecap('head', live.people.head);
      await ui.openEntry(head, ENTRY);
      await ui.publishNow(head);
      await ui.toast(head, 'Mục đã được công bố', 60_000);

      const visitor = await ui.newPage('visitor');
      expect((await visitor.goto(`${live.origin}/tin-tuc/${SLUG}/`))?.status()).toBe(200);
      expect(await visitor.locator(`a[href="${URL_PATH}"]`).count()).toBe(1);

      const res = await fetchFromSite(live, URL_PATH);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body).toEqual(fixture('sample.pdf'));
    }, 120_000);

    it('ran Decap under the real Content-Security-Policy without a single violation', () => {
      expect(ui.cspViolations).toEqual([]);
    });
  });
});

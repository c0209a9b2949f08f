import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { openContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, errorCode, manualClock, type TestApp } from '../accounts/support.ts';
import { newsEntry, SEED } from './support.ts';
import { siteBuilder, type SiteBuilder } from '#server/editorial/publish-queue-build.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';

/**
 * Share a draft (docs/adr/0093): a signed, expiring, revocable, logged,
 * read-only link for someone without an account; never for a state secret.
 */
let dir: string;
let testApp: TestApp;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let builder: SiteBuilder;
const workDir = path.join(PROJECT_ROOT, '.build', `test-share-${process.pid}`);
const people: Record<string, { username: string; password: string }> = {};
const browsers = new Map<string, Browser>();
const JSON_ACCEPT = { accept: 'application/json' };

async function as(who: string): Promise<Browser> {
  let browser = browsers.get(who);
  if (!browser) {
    browser = new Browser(testApp, 'sotuphap.localhost');
    await browser.signInFully(people[who]!.username, people[who]!.password);
    browsers.set(who, browser);
  }
  return browser;
}
const page = (slug: string) => `/quan-tri/bai-viet/tin-tuc/${slug}`;
async function draft(
  slug: string,
  title: string,
  options: {
    secret?: boolean;
    body?: string;
    assets?: Array<{ path: string; content: string; encoding: 'base64' }>;
  } = {},
) {
  const r = await (await as('contributor')).request('/admin/api/v1', {
    json: {
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug, path: `content/sotuphap/tin-tuc/${slug}.mdx`, raw: newsEntry({ title, ...options }) }],
        assets: options.assets ?? [],
        options: { collectionName: 'tin-tuc', commitMessage: 'Lưu', useWorkflow: true, status: 'draft' },
      },
    },
  });
  expect(r.status, await r.clone().text()).toBe(200);
}
/** Makes a link from the history page and reads its address back from the page, newest first. */
async function share(who: string, slug: string, lifetime = '1-ngay'): Promise<string> {
  clock.advance(1000);
  const made = await (await as(who)).request(`${page(slug)}/chia-se`, { form: { 'thoi-han': lifetime } });
  expect(made.status).toBe(303);
  const html = await (await (await as(who)).request(page(slug))).text();
  const url = /data-lien-ket="([^"]+)"/.exec(html)?.[1];
  expect(url).toMatch(/^http:\/\/sotuphap\.localhost\/xem-truoc\?ma=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  const { pathname, search } = new URL(url!);
  return pathname + search;
}
const anonymous = (host = 'sotuphap.localhost') => new Browser(testApp, host);
const idOf = (link: string) => link.split('=').pop()!.split('.')[0]!;
const uses = async (link: string) => (await storage.shareLinks.uses(idOf(link))).map((u) => u.outcome);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-share-'));
  const repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
  storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  clock = manualClock(Date.parse('2026-11-16T02:00:00Z'));
  const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
  // The share page is the site's own page, drawn by its warm renderer (docs/adr/0106).
  builder = siteBuilder({ contentRoot: repo.dir, outDir: path.join(dir, 'dist'), workDir });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    distDir: path.join(dir, 'dist'),
    editorial: { repo, build: async () => undefined, renderDraft: builder.renderDraft },
  });
  testApp = { app, services, storage, clock, addAccount: async () => ({ username: '', password: '', id: '' }) };
  const add = async (key: string, fullName: string, role: Role, sections?: string[]) => {
    const { account, oneTimePassword } = await services.accounts.create(
      systemPrincipal('test'),
      { fullName, role, departmentId: 'sotuphap', sections },
      NO_REQUEST,
    );
    people[key] = { username: account.username, password: oneTimePassword };
  };
  await add('head', 'Nguyễn Văn An', 'head');
  await add('deputy', 'Trần Thị Bích Hạnh', 'deputy');
  await add('contributor', 'Hoàng Thị Mai', 'contributor', ['tin-tuc']);
  await add('colleague', 'Lê Thị Lan', 'contributor', ['tin-tuc']);
});
afterAll(async () => {
  await builder?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('share a draft (docs/adr/0093)', () => {
  it('shows the draft as the page to someone without an account, read-only, not cached nor indexed, and logs the use', async () => {
    await draft('xem-truoc', 'Hội nghị phổ biến pháp luật', { body: 'Sáng 20/12, **Sở Tư pháp** tổ chức hội nghị.' });
    const link = await share('contributor', 'xem-truoc');
    const r = await anonymous().request(link);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-robots-tag')).toContain('noindex');
    // The token leaves with no link the reader follows, not even to the site's own pages (docs/adr/0093).
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await r.text();
    expect(html).toContain('<h1>Hội nghị phổ biến pháp luật</h1>');
    expect(html).toContain('<strong>Sở Tư pháp</strong>');
    expect(html).toContain('Bản nháp chưa đăng tải.');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    // The site's own news page (NewsDetail.astro): its category label and its source line (Điều 19a).
    expect(html).toContain('Chuyên mục: Thông báo');
    expect(html).toMatch(/Nguồn: <a [^>]*>Báo Thừa Thiên Huế<\/a>/);
    // A date-only entry shows its day and no time.
    expect(html).toContain('ngày 20 tháng 12 năm 2024');
    // Read-only: the site's search box is there, nothing that sends anything back.
    expect(html).not.toMatch(/<form[^>]*method="post"/i);
    expect(await uses(link)).toEqual(['shown']);
    expect(await (await (await as('contributor')).request(page('xem-truoc'))).text()).toMatch(/<td>1<\/td>/);
  });

  it("serves the draft's own new attachment through the link, as data, and refuses a path that climbs out of the media folder", async () => {
    const pdf = await readFile(
      path.resolve(import.meta.dirname, '../fixtures/build-content/content/sotuphap/tep/mau/du-thao-mau.pdf'),
    );
    const file = 'content/sotuphap/tep/tin-tuc/co-tep-dinh-kem/bao-cao.pdf';
    await draft('co-tep-dinh-kem', 'Báo cáo kèm tệp', {
      body: 'Xem [báo cáo](/tep/tin-tuc/co-tep-dinh-kem/bao-cao.pdf).',
      assets: [{ path: file, content: pdf.toString('base64'), encoding: 'base64' }],
    });
    const link = await share('contributor', 'co-tep-dinh-kem');
    const token = link.split('ma=')[1]!;
    const html = await (await anonymous().request(link)).text();
    const href = `/xem-truoc/tep/tin-tuc/co-tep-dinh-kem/bao-cao.pdf?ma=${token}`;
    expect(html).toContain(`href="${href}"`);
    const served = await anonymous().request(href);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    // Only the page's opening counts as a use.
    expect(await uses(link)).toEqual(['shown']);
    // Without a valid link, nothing.
    const forged = await anonymous().request(href.replace(/.ma=.*/, '?ma=khong-phai'), { headers: JSON_ACCEPT });
    expect(await errorCode(forged)).toBe('E_SHARE_LINK_INVALID');
    // One segment holding encoded slashes: the URL parser leaves it, the route decodes it once and refuses `..`.
    const climbing = `/xem-truoc/tep/tin-tuc%2F..%2F..%2Ftin-tuc%2Fco-tep-dinh-kem.mdx?ma=${token}`;
    const r = await anonymous().request(climbing, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([400, 'E_SHARE_FILE_PATH']);
    const missing = await anonymous().request(`/xem-truoc/tep/tin-tuc/co-tep-dinh-kem/khac.pdf?ma=${token}`);
    expect(missing.status).toBe(404);
  });

  it('does not show outside the board a file taken off the site that restoring an old version brought back (E_SHARE_FILE_RESTORED)', async () => {
    const pdf = await readFile(
      path.resolve(import.meta.dirname, '../fixtures/build-content/content/sotuphap/tep/mau/du-thao-mau.pdf'),
    );
    const slug = 'bien-ban-da-go';
    const rel = `tin-tuc/${slug}/bien-ban.pdf`;
    const file = `content/sotuphap/tep/${rel}`;
    const api = async (who: string, action: string, params: Record<string, unknown>) => {
      const r = await (await as(who)).request('/admin/api/v1', {
        json: { action, params: { branch: 'main', ...params } },
      });
      expect(r.status, await r.clone().text()).toBe(200);
    };
    const throughTheBoard = async () => {
      await api('contributor', 'updateUnpublishedEntryStatus', {
        collection: 'tin-tuc',
        slug,
        newStatus: 'pending_review',
      });
      await api('deputy', 'updateUnpublishedEntryStatus', {
        collection: 'tin-tuc',
        slug,
        newStatus: 'pending_publish',
      });
      await api('head', 'publishUnpublishedEntry', { collection: 'tin-tuc', slug });
    };
    // Version 1 with the minutes attached, published; version 2 without them; then the head takes the file down.
    await draft(slug, 'Biên bản hội nghị', {
      body: `Xem [biên bản](/tep/${rel}).`,
      assets: [{ path: file, content: pdf.toString('base64'), encoding: 'base64' }],
    });
    await throughTheBoard();
    await draft(slug, 'Biên bản hội nghị', { body: 'Biên bản sẽ được đăng sau.' });
    await throughTheBoard();
    await api('head', 'deleteFile', { path: file, options: { commitMessage: 'Gỡ biên bản' } });

    // A contributor restores version 1, which brings the file back on the draft, and shares the draft.
    const restored = await (await as('contributor')).request(`${page(slug)}/khoi-phuc`, { form: { 'phien-ban': '1' } });
    expect(restored.status).toBe(303);
    const link = await share('contributor', slug);
    const token = link.split('ma=')[1]!;
    const html = await (await anonymous().request(link)).text();
    expect(html).toContain('Biên bản hội nghị');
    // The page does not send the reader to the draft's copy of the file, and asking for it directly is refused.
    expect(html).not.toContain(`/xem-truoc/tep/${rel}`);
    const asked = await anonymous().request(`/xem-truoc/tep/${rel}?ma=${token}`, { headers: JSON_ACCEPT });
    expect([asked.status, await errorCode(asked)]).toEqual([403, 'E_SHARE_FILE_RESTORED']);
    const inBrowser = await anonymous().request(`/xem-truoc/tep/${rel}?ma=${token}`);
    expect(inBrowser.status).toBe(403);
    expect(Buffer.from(await inBrowser.arrayBuffer()).includes(pdf.subarray(0, 64))).toBe(false);

    // A new upload on the restored draft is shown: the rule is about what came back, not about the draft.
    const added = `content/sotuphap/tep/tin-tuc/${slug}/phu-luc.pdf`;
    await draft(slug, 'Biên bản hội nghị', {
      body: `Xem [biên bản](/tep/${rel}) và [phụ lục](/tep/tin-tuc/${slug}/phu-luc.pdf).`,
      assets: [{ path: added, content: pdf.toString('base64'), encoding: 'base64' }],
    });
    const again = (await share('contributor', slug)).split('ma=')[1]!;
    expect((await anonymous().request(`/xem-truoc/tep/tin-tuc/${slug}/phu-luc.pdf?ma=${again}`)).status).toBe(200);
  });

  it('refuses another spelling of the same signature (the unused bits of its last character)', async () => {
    const link = await share('contributor', 'xem-truoc');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes in base64url: the last of 43 characters carries 4 bits; its 2 low bits are not part of the bytes.
    const last = alphabet.indexOf(link.at(-1)!);
    const respelt = link.slice(0, -1) + alphabet[last ^ 1];
    const r = await anonymous().request(respelt, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([404, 'E_SHARE_LINK_INVALID']);
  });

  it('refuses a tampered link, a link of another department and a made-up one, with E_SHARE_LINK_INVALID', async () => {
    const link = await share('contributor', 'xem-truoc');
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const r = await anonymous().request(tampered, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([404, 'E_SHARE_LINK_INVALID']);
    expect(await uses(link)).toEqual(['tampered']);
    expect(await errorCode(await anonymous('soyte.localhost').request(link, { headers: JSON_ACCEPT }))).toBe(
      'E_SHARE_LINK_INVALID',
    );
    expect(
      await errorCode(await anonymous().request('/xem-truoc?ma=khong-phai-lien-ket', { headers: JSON_ACCEPT })),
    ).toBe('E_SHARE_LINK_INVALID');
    // Whoever edits the draft later, the link still says what was shared and only that.
    const page = await anonymous().request(tampered);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const refusal = await page.text();
    expect(refusal).not.toContain('Hội nghị phổ biến pháp luật');
    // Its holder is outside the board: the sentence and the code in the department's page, a way to its home page,
    // nothing of the back office.
    expect(page.status).toBe(404);
    expect(refusal).toContain('<h1>Không mở được liên kết xem trước</h1>');
    expect(refusal).toContain('Liên kết xem trước không đúng.');
    expect(refusal).toContain('<code>E_SHARE_LINK_INVALID</code>');
    expect(refusal).toContain('<a href="/">Về trang chủ Sở Tư pháp</a>');
    expect(refusal).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(refusal).not.toContain('Trang quản trị');
    // Every other page keeps the site's policy, which our own forms need (docs/adr/0015).
    expect((await anonymous().request('/quan-tri/dang-nhap')).headers.get('referrer-policy')).toBe('same-origin');
  });

  it('refuses a revoked link with E_SHARE_LINK_REVOKED; only its maker or who checks may revoke it', async () => {
    const link = await share('contributor', 'xem-truoc');
    const id = idOf(link);
    const notYours = await (await as('colleague')).request(`${page('xem-truoc')}/thu-hoi`, {
      form: { 'lien-ket': id },
      headers: JSON_ACCEPT,
    });
    expect(await errorCode(notYours)).toBe('E_SHARE_LINK_NOT_YOURS');
    expect((await anonymous().request(link)).status).toBe(200);
    const revoked = await (await as('deputy')).request(`${page('xem-truoc')}/thu-hoi`, { form: { 'lien-ket': id } });
    expect(revoked.status).toBe(303);
    const r = await anonymous().request(link, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([410, 'E_SHARE_LINK_REVOKED']);
    expect(await uses(link)).toEqual(['shown', 'revoked']);
  });

  it('never shares a state-secret draft, nor shows one through a link made before it was marked (Điều 4.2đ)', async () => {
    await draft('bai-mat', 'Bài mật', { secret: true });
    const refused = await (await as('contributor')).request(`${page('bai-mat')}/chia-se`, {
      form: { 'thoi-han': '1-ngay' },
      headers: JSON_ACCEPT,
    });
    expect([refused.status, await errorCode(refused)]).toEqual([403, 'E_SHARE_STATE_SECRET']);
    expect(await storage.shareLinks.listForEntry('sotuphap', 'tin-tuc', 'bai-mat')).toEqual([]);
    expect(await (await (await as('contributor')).request(page('bai-mat'))).text()).not.toContain(
      'Tạo liên kết xem trước',
    );

    await draft('se-thanh-mat', 'Sắp thành bài mật');
    const link = await share('contributor', 'se-thanh-mat');
    await draft('se-thanh-mat', 'Sắp thành bài mật', { secret: true });
    const r = await anonymous().request(link, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([403, 'E_SHARE_STATE_SECRET']);
    expect(await uses(link)).toEqual(['secret']);
  });
  it('refuses an expired link with E_SHARE_LINK_EXPIRED, at the lifetime chosen', async () => {
    const link = await share('contributor', 'xem-truoc', '1-gio');
    expect((await anonymous().request(link)).status).toBe(200);
    // Last in this file: an hour on, the board's sessions have ended too.
    const unknown = await (await as('contributor')).request(`${page('xem-truoc')}/chia-se`, {
      form: { 'thoi-han': '1-nam' },
      headers: JSON_ACCEPT,
    });
    expect(await errorCode(unknown)).toBe('E_SHARE_LIFETIME_INVALID');
    clock.advance(60 * 60_000);
    const r = await anonymous().request(link, { headers: JSON_ACCEPT });
    expect([r.status, await errorCode(r)]).toEqual([410, 'E_SHARE_LINK_EXPIRED']);
    expect(await uses(link)).toEqual(['shown', 'expired']);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { openContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, errorCode, manualClock, type TestApp } from '../accounts/support.ts';
import { newsEntry, SEED } from './support.ts';

/** The back-office page that says who did each Điều 19 step of an entry, and when. */
let dir: string;
let testApp: TestApp;
const people: Record<string, { username: string; password: string }> = {};
const browsers = new Map<string, Browser>();

async function signedIn(who: string, host = 'sotuphap.localhost'): Promise<Browser> {
  let browser = browsers.get(`${who}@${host}`);
  if (!browser) {
    browser = new Browser(testApp, host);
    await browser.signInFully(people[who].username, people[who].password);
    browsers.set(`${who}@${host}`, browser);
  }
  return browser;
}
const api = (b: Browser, action: string, params: Record<string, unknown>) =>
  b.request('/admin/api/v1', { json: { action, params: { branch: 'main', ...params } } });
const HISTORY = '/quan-tri/bai-viet/tin-tuc/lich-su-mau';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-history-'));
  const repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
  const storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const clock = manualClock();
  const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    editorial: { repo, build: async () => undefined },
  });
  testApp = { app, services, storage, clock, addAccount: async () => ({ username: '', password: '', id: '' }) };
  const add = async (key: string, fullName: string, role: Role, departmentId: string | null, sections?: string[]) => {
    const { account, oneTimePassword } = await services.accounts.create(
      systemPrincipal('test'),
      { fullName, role, departmentId, sections },
      NO_REQUEST,
    );
    people[key] = { username: account.username, password: oneTimePassword };
  };
  await add('head', 'Nguyễn Văn An', 'head', 'sotuphap');
  await add('deputy', 'Trần Thị Bích Hạnh', 'deputy', 'sotuphap');
  await add('contributor', 'Hoàng Thị Mai', 'contributor', 'sotuphap', ['tin-tuc']);
  await add('otherHead', 'Phan Văn Khoa', 'head', 'soyte');
  await add('admin', 'Quản Trị Viên', 'admin', null);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('/quan-tri/bai-viet/<section>/<slug>', () => {
  it('lists who entered, submitted, verified and published the entry, and when, with the last update on top', async () => {
    const mai = await signedIn('contributor');
    const hanh = await signedIn('deputy');
    const an = await signedIn('head');
    await api(mai, 'persistEntry', {
      dataFiles: [
        {
          slug: 'lich-su-mau',
          path: 'content/sotuphap/tin-tuc/lich-su-mau.mdx',
          raw: newsEntry({ title: 'Bài có lịch sử' }),
        },
      ],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: 'Nhập mới', useWorkflow: true, status: 'draft' },
    });
    await api(mai, 'updateUnpublishedEntryStatus', {
      collection: 'tin-tuc',
      slug: 'lich-su-mau',
      newStatus: 'pending_review',
    });

    const inReview = await (await mai.request(HISTORY)).text();
    expect(inReview).toContain('Lịch sử bài: Bài có lịch sử');
    expect(inReview).toContain('Chờ xác thực');

    await api(hanh, 'updateUnpublishedEntryStatus', {
      collection: 'tin-tuc',
      slug: 'lich-su-mau',
      newStatus: 'pending_publish',
    });
    expect((await api(an, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: 'lich-su-mau' })).status).toBe(200);

    const response = await hanh.request(HISTORY);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const page = await response.text();
    const rows = [...page.matchAll(/<tr>\s*<td>.*?<\/td>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>/gs)].map(
      (m) => m.slice(1, 4),
    );
    expect(rows).toEqual([
      ['nhập mới', `Hoàng Thị Mai (${people.contributor.username})`, 'Nhập mới'],
      ['gửi xác thực', `Hoàng Thị Mai (${people.contributor.username})`, 'Chờ xác thực'],
      ['xác thực', `Trần Thị Bích Hạnh (${people.deputy.username})`, 'Đã xác thực'],
      ['đăng tải', `Nguyễn Văn An (${people.head.username})`, 'Đã đăng tải'],
    ]);
    expect(page).toMatch(/Cập nhật lần cuối<\/dt>\s*<dd><time datetime="[^"]+">[^<]+<\/time>, Nguyễn Văn An/);
  });

  it('says so for an entry that predates the workflow, and 404s for one that never existed', async () => {
    const an = await signedIn('head');
    const old = await an.request('/quan-tri/bai-viet/tin-tuc/trien-khai-ngay-phap-luat-2024');
    expect(old.status).toBe(200);
    expect(await old.text()).toContain('chưa có bước nào được ghi lại');
    expect(await errorCode(await an.request('/quan-tri/bai-viet/tin-tuc/khong-co-bai-nay'))).toBe('E_NOT_FOUND');
    expect(await errorCode(await an.request('/quan-tri/bai-viet/khong-phai-chuyen-muc/lich-su-mau'))).toBe(
      'E_NOT_FOUND',
    );
  });

  it('is for the board of the department only: sign-in first, other departments and the province admin refused', async () => {
    const anonymous = new Browser(testApp);
    const r = await anonymous.request(HISTORY);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/^\/quan-tri\/dang-nhap/);
    // Another department's head: their own host has no such entry, and their session does not work on this host.
    const khoa = await signedIn('otherHead', 'soyte.localhost');
    expect(await errorCode(await khoa.request(HISTORY))).toBe('E_NOT_FOUND');
    const carried = new Browser(testApp, 'sotuphap.localhost');
    for (const [name, value] of khoa.cookies) carried.cookies.set(name, value);
    const elsewhere = await carried.request(HISTORY);
    expect(elsewhere.status).not.toBe(200);
    expect(await elsewhere.text()).not.toContain('Lịch sử bài');
    expect(await errorCode(await (await signedIn('admin', 'localhost')).request(HISTORY))).toBe('E_NOT_FOUND');
  });

  it('lists the department’s entries for its board only, and hides the title of a secret draft from who may not read it', async () => {
    const mai = await signedIn('contributor');
    const an = await signedIn('head');
    await api(an, 'persistEntry', {
      dataFiles: [
        {
          slug: 'bai-mat',
          path: 'content/sotuphap/tin-tuc/bai-mat.mdx',
          raw: newsEntry({ title: 'Tiêu đề mật', secret: true }),
        },
      ],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: 'Nhập mới', useWorkflow: true, status: 'draft' },
    });
    const forHead = await (await an.request('/quan-tri/bai-viet/?chuyen-muc=tin-tuc')).text();
    expect(forHead).toContain('Tiêu đề mật');
    expect(forHead).toContain('href="/quan-tri/bai-viet/tin-tuc/lich-su-mau"');
    const forMai = await mai.request('/quan-tri/bai-viet/?chuyen-muc=tin-tuc');
    expect(forMai.status).toBe(200);
    const text = await forMai.text();
    expect(text).not.toContain('Tiêu đề mật');
    expect(text).toContain('bài mật');
    // The province admin has no board; another department's head is on another host, where there is no such list of ours.
    expect((await (await signedIn('admin', 'localhost')).request('/quan-tri/bai-viet/')).status).toBe(404);
    const khoa = await signedIn('otherHead', 'soyte.localhost');
    const theirs = await (await khoa.request('/quan-tri/bai-viet/')).text();
    expect(theirs).not.toContain('lich-su-mau');
  });
});

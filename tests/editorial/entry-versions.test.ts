import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import {
  MAIN,
  openContentRepository,
  type ContentRepository,
} from '#server/editorial/content-repository/repository.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, errorCode, manualClock, type TestApp } from '../accounts/support.ts';
import { newsEntry, SEED } from './support.ts';

/**
 * Compare and restore on the entry's history page (docs/adr/0092): a version
 * brought back is a new draft that goes live only after verify and publish.
 */
let dir: string;
let repo: ContentRepository;
let testApp: TestApp;
const people: Record<string, { username: string; password: string }> = {};
const browsers = new Map<string, Browser>();

async function as(who: string): Promise<Browser> {
  let browser = browsers.get(who);
  if (!browser) {
    browser = new Browser(testApp, 'sotuphap.localhost');
    await browser.signInFully(people[who]!.username, people[who]!.password);
    browsers.set(who, browser);
  }
  return browser;
}
const SLUG = 'phien-ban';
const FILE = `content/sotuphap/tin-tuc/${SLUG}.mdx`;
const PAGE = `/quan-tri/bai-viet/tin-tuc/${SLUG}`;
async function api(who: string, action: string, params: Record<string, unknown>) {
  const r = await (await as(who)).request('/admin/api/v1', { json: { action, params: { branch: 'main', ...params } } });
  expect(r.status, await r.clone().text()).toBe(200);
  return r;
}
const save = (who: string, body: string) =>
  api(who, 'persistEntry', {
    dataFiles: [{ slug: SLUG, path: FILE, raw: newsEntry({ title: 'Hội nghị phổ biến pháp luật', body }) }],
    assets: [],
    options: { collectionName: 'tin-tuc', commitMessage: 'Lưu', useWorkflow: true, status: 'draft' },
  });
const move = (who: string, newStatus: string) =>
  api(who, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug: SLUG, newStatus });
const publish = () => api('head', 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: SLUG });
const live = async () => {
  const file = await repo.readFile(MAIN, FILE);
  return file ? new TextDecoder().decode(file.bytes) : null;
};
const page = async (who: string, query = '') => (await (await as(who)).request(`${PAGE}${query}`)).text();

const V1 = 'Sáng 20/12, Sở Tư pháp tổ chức hội nghị tại Huế.';
const V2 = 'Sáng 21/12, Sở Tư pháp tổ chức hội nghị tại Huế.';
const V3 = 'Sáng 21/12, Sở Tư pháp tổ chức hội thảo trực tuyến.';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-versions-'));
  repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
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
  await add('outsider', 'Lê Văn Ngoài', 'contributor', ['van-ban']);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('versions of an entry: compare and restore (docs/adr/0092)', () => {
  it('edit → verify → edit → publish → restore: the restored version goes live only after verify and publish', async () => {
    // v1 entered, verified, published.
    await save('contributor', V1);
    await move('contributor', 'pending_review');
    await move('deputy', 'pending_publish');
    await publish();
    expect(await live()).toContain(V1);
    // v2 edited, verified; then sent back and edited again (v3) after its verification.
    await save('contributor', V2);
    await move('contributor', 'pending_review');
    await move('deputy', 'pending_publish');
    await move('deputy', 'draft');
    await save('contributor', V3);
    await move('contributor', 'pending_review');

    // The publisher sees what changed since the last verification, word by word.
    const forHead = await page('head');
    const since = /<section aria-labelledby="since-verified-heading"[\s\S]*?<\/section>/.exec(forHead)?.[0] ?? '';
    expect(since).toContain('phiên bản 2');
    expect([...since.matchAll(/<del>(?:<span[^>]*>[^<]*<\/span>)?([^<]*)<\/del>/g)].map((m) => m[1])).toEqual([
      'nghị tại Huế',
    ]);
    expect([...since.matchAll(/<ins>(?:<span[^>]*>[^<]*<\/span>)?([^<]*)<\/ins>/g)].map((m) => m[1])).toEqual([
      'thảo trực tuyến',
    ]);
    // A contributor does not publish: nothing is highlighted for them.
    expect(await page('contributor')).not.toContain('since-verified-heading');

    await move('deputy', 'pending_publish');
    await publish();
    expect(await live()).toContain(V3);

    // Any two versions compared.
    const compared = await page('deputy', '?tu=1&den=3');
    expect(compared).toContain('Khác nhau giữa phiên bản 1 và phiên bản 3');
    expect([...compared.matchAll(/data-phien-ban="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3']);

    // Restore v1: a draft, main untouched.
    const mainBefore = await repo.resolve(MAIN);
    const restored = await (await as('contributor')).request(`${PAGE}/khoi-phuc`, { form: { 'phien-ban': '1' } });
    expect(restored.status).toBe(303);
    expect(restored.headers.get('location')).toBe(`${PAGE}?thong-bao=khoi-phuc`);
    expect(await repo.resolve(MAIN)).toBe(mainBefore);
    expect(await live()).toContain(V3);
    const draft = await repo.readFile(`cms/sotuphap/tin-tuc/${SLUG}`, FILE);
    expect(new TextDecoder().decode(draft!.bytes)).toContain(V1);

    // The head cannot publish it straight away: it must be submitted and verified first.
    const early = await (await as('head')).request('/admin/api/v1', {
      json: { action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'tin-tuc', slug: SLUG } },
    });
    expect(early.status).toBe(409);
    expect(await live()).toContain(V3);
    await move('contributor', 'pending_review');
    await move('deputy', 'pending_publish');
    await publish();
    expect(await live()).toContain(V1);
    expect(await page('head')).toMatch(/<tr data-phien-ban="4">/);
  });

  it('brings back with a restored version the attachment deleted since, and it goes live with it', async () => {
    const slug = 'co-bien-ban';
    const file = `content/sotuphap/tin-tuc/${slug}.mdx`;
    const media = `content/sotuphap/tep/tin-tuc/${slug}/bien-ban.pdf`;
    const pdf = await readFile(
      path.resolve(import.meta.dirname, '../fixtures/build-content/content/sotuphap/tep/mau/du-thao-mau.pdf'),
    );
    const step = (who: string, action: string, params: Record<string, unknown>) =>
      api(who, action, { collection: 'tin-tuc', slug, ...params });
    const saveWith = (body: string, assets: unknown[]) =>
      api('contributor', 'persistEntry', {
        dataFiles: [{ slug, path: file, raw: newsEntry({ title: 'Biên bản hội nghị', body }) }],
        assets,
        options: { collectionName: 'tin-tuc', commitMessage: 'Lưu', useWorkflow: true, status: 'draft' },
      });
    const throughTheBoard = async () => {
      await step('contributor', 'updateUnpublishedEntryStatus', { newStatus: 'pending_review' });
      await step('deputy', 'updateUnpublishedEntryStatus', { newStatus: 'pending_publish' });
      await step('head', 'publishUnpublishedEntry', {});
    };
    // v1 with its minutes attached, published; v2 without them, published; the file then deleted.
    await saveWith(`Xem [biên bản](/tep/tin-tuc/${slug}/bien-ban.pdf).`, [
      { path: media, content: pdf.toString('base64'), encoding: 'base64' },
    ]);
    await throughTheBoard();
    await saveWith('Biên bản sẽ được đăng sau.', []);
    await throughTheBoard();
    await api('head', 'deleteFile', { path: media, options: { commitMessage: 'Xoá biên bản' } });
    expect(await repo.readFile(MAIN, media)).toBeNull();

    // Restoring v1 brings the file back on the draft, and it goes live with the entry.
    const restored = await (await as('contributor')).request(`/quan-tri/bai-viet/tin-tuc/${slug}/khoi-phuc`, {
      form: { 'phien-ban': '1' },
    });
    expect(restored.status).toBe(303);
    expect(await repo.readFile(MAIN, media)).toBeNull();
    await throughTheBoard();
    expect(Buffer.from((await repo.readFile(MAIN, media))!.bytes).equals(pdf)).toBe(true);
    expect(new TextDecoder().decode((await repo.readFile(MAIN, file))!.bytes)).toContain('bien-ban.pdf');
  });

  it('refuses a version the entry does not have, and a restore by who may not enter in the section', async () => {
    const json = { accept: 'application/json' };
    const head = await as('head');
    const mainBefore = await repo.resolve(MAIN);
    const branchBefore = await repo.resolve(`cms/sotuphap/tin-tuc/${SLUG}`);
    expect(
      await errorCode(await head.request(`${PAGE}/khoi-phuc`, { form: { 'phien-ban': '99' }, headers: json })),
    ).toBe('E_VERSION_NOT_FOUND');
    expect(
      await errorCode(await head.request(`${PAGE}/khoi-phuc`, { form: { 'phien-ban': 'abc' }, headers: json })),
    ).toBe('E_VERSION_NOT_FOUND');
    const outsider = await as('outsider');
    expect(
      await errorCode(await outsider.request(`${PAGE}/khoi-phuc`, { form: { 'phien-ban': '1' }, headers: json })),
    ).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
    // In a browser the page comes back with the sentence beside the form; nothing was written.
    const shown = await outsider.request(`${PAGE}/khoi-phuc`, { form: { 'phien-ban': '1' } });
    expect(shown.status).toBe(403);
    expect([await repo.resolve(MAIN), await repo.resolve(`cms/sotuphap/tin-tuc/${SLUG}`)]).toEqual([
      mainBefore,
      branchBefore,
    ]);
    expect(await page('outsider')).not.toContain('Khôi phục phiên bản');
  });
});

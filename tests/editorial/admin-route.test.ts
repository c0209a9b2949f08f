import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECTIONS } from '#src/schema/sections.ts';
import { createApp, type AppOptions } from '#server/platform/app.ts';
import {
  openContentRepository,
  MAIN,
  type ContentRepository,
} from '#server/editorial/content-repository/repository.ts';
import type { AdminRouteOptions } from '#server/editorial/http/decap.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { Browser, cheapHasher, DEPARTMENTS, manualClock, type TestApp } from '../accounts/support.ts';
import { newsEntry, SEED } from './support.ts';

let dir: string;
let repo: ContentRepository;
let testApp: TestApp;
const builds: string[] = [];
let failBuild = false;
const people: Record<string, { username: string; password: string }> = {};

const browsers = new Map<string, Browser>();
/** One browser per person: the one-time password works once. */
async function signedIn(who: string): Promise<Browser> {
  let browser = browsers.get(who);
  if (!browser) {
    browser = new Browser(testApp, 'sotuphap.localhost');
    await browser.signInFully(people[who].username, people[who].password);
    browsers.set(who, browser);
  }
  return browser;
}

function api(browser: Browser, action: string, params: Record<string, unknown> = {}) {
  return browser.request('/admin/api/v1', { json: { action, params: { branch: 'main', ...params } } });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-admin-'));
  repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
  const storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const clock = manualClock();
  const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
  const editorial: AdminRouteOptions['editorial'] = {
    repo,
    liveWaitMs: 5_000,
    build: async (site) => {
      builds.push(site);
      if (failBuild) throw Object.assign(new Error('astro'), { code: 'BUILD_FAILED' });
    },
  };
  const app = createApp({ storage, departments: DEPARTMENTS, services, editorial } as AppOptions & AdminRouteOptions);
  testApp = { app, services, storage, clock, addAccount: async () => ({ username: '', password: '', id: '' }) };
  const add = async (key: string, fullName: string, role: 'head' | 'deputy' | 'contributor', sections?: string[]) => {
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
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('/admin/ on a department host', () => {
  it('sends a visitor without a session to sign in, and answers the API with a JSON error Decap can show', async () => {
    const anonymous = new Browser(testApp);
    const page = await anonymous.request('/admin/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/quan-tri\/dang-nhap/);
    const r = await api(anonymous, 'info');
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ code: 'E_NOT_AUTHENTICATED', error: expect.any(String) });
  });

  it('serves the Decap bundle from our own origin with a long cache, and nothing else from node_modules', async () => {
    const anonymous = new Browser(testApp);
    const bundle = await anonymous.request('/admin/decap-cms.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect((await anonymous.request('/admin/..%2F..%2Fpackage.json')).status).not.toBe(200);
    expect((await anonymous.request('/admin/cms.js')).status).not.toBe(200);
  });

  it('gives a signed-in contributor the CMS page and a config with only their section', async () => {
    const mai = await signedIn('contributor');
    const page = await mai.request('/admin/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/admin/decap-cms.js"></script>');
    const config = parse(await (await mai.request('/admin/config.yml')).text());
    expect(config.collections.map((c: { name: string }) => c.name)).toEqual(['tin-tuc']);
    expect(config).toMatchObject({
      locale: 'vi',
      publish_mode: 'editorial_workflow',
      media_folder: 'content/sotuphap/tep',
    });
    const head = await signedIn('head');
    const headConfig = parse(await (await head.request('/admin/config.yml')).text());
    // The eight sections of Điều 7 and the published answers of the Q&A service (Điều 13.3).
    expect(headConfig.collections.map((c: { name: string }) => c.name)).toEqual(SECTIONS.map((s) => s.id));
  });

  it('runs the three steps over HTTP; the contributor cannot publish; the head publishes and the site is rebuilt', async () => {
    const mai = await signedIn('contributor');
    const hanh = await signedIn('deputy');
    const an = await signedIn('head');
    const saved = await api(mai, 'persistEntry', {
      dataFiles: [{ slug: 'qua-http', path: 'content/sotuphap/tin-tuc/qua-http.mdx', raw: newsEntry() }],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: 'Nhập mới', useWorkflow: true, status: 'draft' },
    });
    expect(saved.status).toBe(200);
    expect(
      (
        await api(mai, 'updateUnpublishedEntryStatus', {
          collection: 'tin-tuc',
          slug: 'qua-http',
          newStatus: 'pending_review',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(hanh, 'updateUnpublishedEntryStatus', {
          collection: 'tin-tuc',
          slug: 'qua-http',
          newStatus: 'pending_publish',
        })
      ).status,
    ).toBe(200);
    const refused = await api(mai, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: 'qua-http' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      code: 'E_WORKFLOW_RIGHT_NOT_GRANTED',
      error: expect.stringContaining('Trưởng Ban'),
    });
    const ok = await api(an, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: 'qua-http' });
    expect(ok.status).toBe(200);
    expect(builds).toEqual(['sotuphap']);
    const head = await repo.readCommit((await repo.resolve(MAIN))!);
    expect(head.author.name).toBe('Nguyễn Văn An');
  });

  it('tells the publisher when the rebuild failed, while the entry stays on main', async () => {
    const mai = await signedIn('contributor');
    const hanh = await signedIn('deputy');
    const an = await signedIn('head');
    await api(mai, 'persistEntry', {
      dataFiles: [{ slug: 'dung-hong', path: 'content/sotuphap/tin-tuc/dung-hong.mdx', raw: newsEntry() }],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: 'Nhập mới', useWorkflow: true, status: 'draft' },
    });
    await api(mai, 'updateUnpublishedEntryStatus', {
      collection: 'tin-tuc',
      slug: 'dung-hong',
      newStatus: 'pending_review',
    });
    await api(hanh, 'updateUnpublishedEntryStatus', {
      collection: 'tin-tuc',
      slug: 'dung-hong',
      newStatus: 'pending_publish',
    });
    failBuild = true;
    const r = await api(an, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: 'dung-hong' });
    failBuild = false;
    expect(r.status).toBe(502);
    expect((await r.json()).code).toBe('E_PROXY_SITE_NOT_REBUILT');
  });

  it('refuses a cross-origin post before it reaches the repository', async () => {
    const an = await signedIn('head');
    const r = await an.request('/admin/api/v1', {
      json: { action: 'info', params: {} },
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status).toBe(403);
    expect((await r.json()).code).toBe('E_CROSS_ORIGIN');
  });

  it('does not exist on the province portal', async () => {
    const portal = new Browser(testApp, 'localhost');
    expect((await portal.request('/admin/config.yml')).status).not.toBe(200);
  });
});

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
import type { DraftRenderer } from '#server/editorial/publish-queue-build.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, type TestApp } from '../accounts/support.ts';
import { SEED } from './support.ts';

/**
 * Decap's preview asks the server for the draft's page (docs/adr/0106): only
 * a board member of the site who may enter the section, from our own origin,
 * with a bounded body; the fields are written as the proxy saves them.
 * The renderer is a stand-in here: tests/build/draft-render.test.ts and the
 * browser test draw real pages.
 */
const ENDPOINT = '/admin/api/xem-truoc';
let dir: string;
let testApp: TestApp;
const people: Record<string, { username: string; password: string }> = {};
const asked: Array<{ site: string; file: string; text: string }> = [];
let answer: Awaited<ReturnType<DraftRenderer>> = { ok: true, html: '<html><body><main>Trang</main></body></html>' };
let renderer: DraftRenderer | undefined;

/** Decap's endpoints answer in Decap's format: `{ error, code }`. */
const codeOf = async (r: Response) => ((await r.clone().json()) as { code?: string }).code;
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

const NEWS_FIELDS = {
  title: 'Hội nghị tổng kết',
  summary: 'Tóm tắt hội nghị.',
  date: '2024-12-20T08:00:00+07:00',
  category: 'thong-bao',
  source: { kind: 'original' },
  body: 'Sáng 20/12, **Sở Tư pháp** tổ chức hội nghị.',
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-draft-preview-'));
  const repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
  const storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher() });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    distDir: path.join(dir, 'dist'),
    editorial: {
      repo,
      build: async () => undefined,
      renderDraft: (site, file, text) => {
        if (!renderer) throw new Error('no renderer');
        return renderer(site, file, text);
      },
    },
  });
  testApp = {
    app,
    services,
    storage,
    clock: () => Date.now(),
    addAccount: async () => ({ username: '', password: '', id: '' }),
  } as unknown as TestApp;
  const add = async (key: string, role: Role, departmentId: string, sections?: string[]) => {
    const { account, oneTimePassword } = await services.accounts.create(
      systemPrincipal('test'),
      { fullName: `Người ${key}`, role, departmentId, sections },
      NO_REQUEST,
    );
    people[key] = { username: account.username, password: oneTimePassword };
  };
  await add('head', 'head', 'sotuphap');
  await add('contributor', 'contributor', 'sotuphap', ['tin-tuc']);
  renderer = async (site, file, text) => {
    asked.push({ site, file, text });
    return answer;
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("Decap's preview endpoint (docs/adr/0106)", () => {
  it("draws the fields as the proxy would save them, under the entry's own file", async () => {
    const head = await as('head');
    // Typed in TCVN3: saved (and so previewed) in Unicode (Điều 8).
    const r = await head.request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'hoi-nghi', fields: { ...NEWS_FIELDS, title: 'Héi nghÞ tæng kÕt' } },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ html: '<html><body><main>Trang</main></body></html>' });
    const last = asked.at(-1)!;
    expect([last.site, last.file]).toEqual(['sotuphap', 'content/sotuphap/tin-tuc/hoi-nghi.mdx']);
    expect(last.text).toMatch(/^---\ntitle: "Hội nghị tổng kết"\n/);
    expect(last.text).toContain('\n---\n\nSáng 20/12, **Sở Tư pháp** tổ chức hội nghị.');
    // A new entry has no name yet: one no entry may take.
    await head.request(ENDPOINT, { json: { collection: 'tin-tuc', slug: '', fields: NEWS_FIELDS } });
    expect(asked.at(-1)!.file).toBe('content/sotuphap/tin-tuc/ban-nhap-chua-luu.mdx');
  });

  it('answers the problems that keep a draft from being a page', async () => {
    answer = {
      ok: false,
      problems: [{ file: 'x', field: 'title', message: 'Thiếu trường bắt buộc.', kind: 'schema' }],
    };
    const r = await (await as('head')).request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'hoi-nghi', fields: NEWS_FIELDS },
    });
    expect(await r.json()).toEqual({ problems: [{ field: 'title', message: 'Thiếu trường bắt buộc.' }] });
    answer = { ok: true, html: '<html><body><main>Trang</main></body></html>' };
  });

  // Another department's board cannot sign in on this host at all; authorizeDraftPreview refuses it besides (unit test).
  it('refuses whoever may not enter the section, another origin, no session and a malformed or oversized body', async () => {
    const before = asked.length;
    const contributor = await as('contributor');
    const outOfSection = await contributor.request(ENDPOINT, {
      json: { collection: 'van-ban', slug: 'x', fields: {} },
      headers: { accept: 'application/json' },
    });
    expect([outOfSection.status, await codeOf(outOfSection)]).toEqual([403, 'E_WORKFLOW_SECTION_NOT_ASSIGNED']);
    const forged = await contributor.request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'x', fields: NEWS_FIELDS },
      headers: { origin: 'http://ke-xau.example' },
    });
    expect(forged.status).toBe(403);
    const malformed = await contributor.request(ENDPOINT, {
      json: { collection: 'khong-co', slug: '../x', fields: [] },
    });
    expect([malformed.status, await codeOf(malformed)]).toEqual([400, 'E_DRAFT_PREVIEW_INVALID']);
    const huge = await contributor.request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'x', fields: { ...NEWS_FIELDS, body: 'a'.repeat(1_100_000) } },
    });
    expect(huge.status).toBe(413);
    const anonymous = await new Browser(testApp, 'sotuphap.localhost').request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'x', fields: NEWS_FIELDS },
    });
    expect(anonymous.status).not.toBe(200);
    expect(asked.length).toBe(before);
  });

  it('says in words when no renderer can draw the page', async () => {
    renderer = undefined;
    const r = await (await as('head')).request(ENDPOINT, {
      json: { collection: 'tin-tuc', slug: 'hoi-nghi', fields: NEWS_FIELDS },
    });
    expect([r.status, await codeOf(r)]).toEqual([503, 'E_DRAFT_RENDER_UNAVAILABLE']);
    expect(((await r.clone().json()) as { error: string }).error).toMatch(/^Chưa dựng được bản xem trước/);
  });
});

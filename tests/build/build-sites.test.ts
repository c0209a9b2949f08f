import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentInvalidError } from '#src/content-source/problems.ts';
import { foldQuery, fromIndexText } from '#src/text/search-text.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { buildHostIndex } from '#server/platform/http/site-for-host.ts';
import { resolveDepartment } from '#server/platform/http/resolve-department.ts';
import { createStaticSitesRoutes } from '#server/sites/http/static-sites.ts';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';

const fixtureContent = fileURLToPath(new URL('../fixtures/build-content/', import.meta.url));
/** A one-template Astro project: these tests are about the pipeline, not the page design. */
const projectRoot = fileURLToPath(new URL('../fixtures/build-project/', import.meta.url));

let work: string;
let contentRoot: string;
let outDir: string;
/** Inside the project: Astro's prerender bundle resolves packages from where it is written. */
const workDir = path.join(PROJECT_ROOT, '.build', `test-${process.pid}`);
const build = (sites?: string[]) => buildSites({ contentRoot, outDir, sites, projectRoot, workDir });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-build-'));
  contentRoot = path.join(work, 'content-root');
  outDir = path.join(work, 'dist');
  await cp(fixtureContent, contentRoot, { recursive: true });
}, 60_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('builds every site into dist/<site>/ with its media, search index, build info and compressed copies', async () => {
    const progress: string[] = [];
    const result = await buildSites({
      contentRoot,
      outDir,
      projectRoot,
      workDir,
      onProgress: (e) => progress.push(e.type),
    });
    expect(result.sites.map((s) => s.site).sort()).toEqual(['sodantoc', 'sotuphap', 'soyte']);
    expect(result.workers).toBe(2);
    expect(progress.filter((p) => p === 'published')).toHaveLength(3);

    const site = path.join(outDir, 'sotuphap');
    const files = (await readdir(site, { recursive: true })).map(String);
    expect(files).toContain('index.html');
    expect(files).toContain(path.join('tin-tuc', 'huong-dan-dang-ky-khai-sinh', 'index.html'));
    expect(files).toContain(path.join('tin-tuc', 'huong-dan-dang-ky-khai-sinh', 'index.html.br'));
    expect(files).toContain(path.join('tep', 'mau', 'du-thao-mau.pdf'));
    expect(files).toContain(path.join('pagefind', 'pagefind.js'));
    expect(files.some((f) => f.startsWith('_astro') && f.endsWith('.css'))).toBe(true);
    expect(files).not.toContain(path.join('pagefind', 'pagefind-ui.js'));

    const info = JSON.parse(await readFile(path.join(site, 'build-info.json'), 'utf8'));
    expect(info).toMatchObject({ site: 'sotuphap', entries: 10 });
    expect(info.pages).toBeGreaterThanOrEqual(10);
    expect(info.bytes).toBeGreaterThan(0);
    // The canonical address is the official domain of Điều 3, not the local host.
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain(
      'href="https://sotuphap.thuathienhue.gov.vn/"',
    );
    expect((await readdir(outDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('keeps the live site untouched when the content of a new build is broken', async () => {
    const live = path.join(outDir, 'sotuphap');
    const infoBefore = await readFile(path.join(live, 'build-info.json'), 'utf8');
    const indexBefore = await stat(path.join(live, 'index.html'));
    await writeFile(
      path.join(contentRoot, 'content/sotuphap/tin-tuc/bai-loi.mdx'),
      '---\ntitle: Bài lỗi\ndate: không phải ngày\ncategory: thong-bao\nsource: { kind: original }\nsummary: Tóm tắt.\n---\n\nNội dung.\n',
    );
    try {
      const error = await build(['sotuphap']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentInvalidError);
      expect((error as ContentInvalidError).data.problems).toContainEqual(
        expect.objectContaining({ file: 'content/sotuphap/tin-tuc/bai-loi.mdx', field: 'date' }),
      );
    } finally {
      await rm(path.join(contentRoot, 'content/sotuphap/tin-tuc/bai-loi.mdx'));
    }
    expect(await readFile(path.join(live, 'build-info.json'), 'utf8')).toBe(infoBefore);
    expect((await stat(path.join(live, 'index.html'))).mtimeMs).toBe(indexBefore.mtimeMs);
    expect((await readdir(outDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('rebuilds one site alone and swaps it in, leaving the others as they were', async () => {
    const otherBefore = await readFile(path.join(outDir, 'soyte', 'build-info.json'), 'utf8');
    const before = JSON.parse(await readFile(path.join(outDir, 'sotuphap', 'build-info.json'), 'utf8'));
    const result = await build(['sotuphap']);
    expect(result.workers).toBe(1);
    const after = JSON.parse(await readFile(path.join(outDir, 'sotuphap', 'build-info.json'), 'utf8'));
    expect(after.builtAt).not.toBe(before.builtAt);
    expect(await readFile(path.join(outDir, 'soyte', 'build-info.json'), 'utf8')).toBe(otherBefore);
  }, 120_000);
});

/**
 * Pagefind searches in the browser, so the folding of đ is verified there:
 * "dang ky" typed without marks must find "đăng ký", and excerpts must read
 * correctly once `fromIndexText` has put the đ back.
 */
describe.skipIf(!chromiumAvailable)('search without diacritics, in Chromium', () => {
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    const app = new Hono<AppEnv>()
      .use(
        '*',
        resolveDepartment(
          buildHostIndex([{ id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] }]),
        ),
      )
      .route('/', createStaticSitesRoutes({ distDir: outDir }));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0 }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds đăng ký for "dang ky" and khiếu nại for "khieu nai", with excerpts intact', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://sotuphap.localhost:${port}/`);
      const queries = ['dang ky', 'khieu nai', 'đăng ký'].map(foldQuery);
      // A string, so the test runner's transform leaves the browser's own import() alone.
      const found = (await page.evaluate(`(async (qs) => {
        const pf = await import('/pagefind/pagefind.js');
        const out = {};
        for (const q of qs) {
          const search = await pf.search(q);
          out[q] = await Promise.all(search.results.map(async (r) => {
            const d = await r.data();
            return { url: d.url, title: d.meta.title, excerpt: d.excerpt };
          }));
        }
        return out;
      })(${JSON.stringify(queries)})`)) as Record<string, Array<{ url: string; title: string; excerpt: string }>>;
      const [dangKy, khieuNai, typedWithMarks] = queries.map((q) => found[q]!);
      expect(dangKy.map((r) => r.url)).toContain('/tin-tuc/huong-dan-dang-ky-khai-sinh/');
      const hit = dangKy.find((r) => r.url === '/tin-tuc/huong-dan-dang-ky-khai-sinh/')!;
      expect(fromIndexText(hit.title)).toBe('Hướng dẫn đăng ký khai sinh trực tuyến');
      expect(fromIndexText(hit.excerpt)).toMatch(/<mark>đăng<\/mark> <mark>ký<\/mark>/);
      expect(fromIndexText(hit.excerpt)).not.toContain('\u0335');
      expect(khieuNai.map((r) => r.url)).toEqual(
        expect.arrayContaining(['/van-ban/luat-khieu-nai-2011/', '/tin-tuc/huong-dan-dang-ky-khai-sinh/']),
      );
      expect(typedWithMarks.map((r) => r.url)).toContain('/tin-tuc/huong-dan-dang-ky-khai-sinh/');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

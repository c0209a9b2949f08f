import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';
import type { ShardsManifest } from '#src/build/search-index.ts';
import { createWarmRenderers, type WarmRenderers } from '#src/build/warm-renderers.ts';
import { ContentInvalidError } from '#src/content-source/problems.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { buildHostIndex } from '#server/platform/http/site-for-host.ts';
import { resolveDepartment } from '#server/platform/http/resolve-department.ts';
import { createStaticSitesRoutes } from '#server/sites/http/static-sites.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';

/**
 * The warm renderer's output must be the cold build's, file for file, after
 * any sequence of publications (docs/adr/0046): a seeded random sequence of
 * publish, edit, unpublish and delete on a small synthetic site, each put
 * live incrementally, then compared with `npm run build` of the same content.
 */
const SEED = 20261205;
// Small parts, so the split search index (docs/adr/0046) is exercised: 60 entries make four parts, growing to eight.
process.env.CONGSO_SEARCH_SHARD_RECORDS = '16';
// The test says when the parts of the index are rewritten (`settle`), so it can look at the index in between (docs/adr/0110).
process.env.CONGSO_SEARCH_COMPACT_MS = '600000';
const STEPS = 14;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let work: string;
let contentRoot: string;
let outDir: string;
let site: string;
let renderers: WarmRenderers;
/** Text added by the sequence and still published, with the page that holds it: what the browser test searches for. */
const pageOf = new Map<string, string>();
const found = new Map<string, string>();
const workDir = path.join(PROJECT_ROOT, '.build', `test-incremental-${process.pid}`);

/** Files by path, and folders with a trailing slash: a folder a publication emptied must be gone too. */
async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() || d.isDirectory())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)) + (d.isDirectory() ? '/' : ''))
    .filter((f) => f !== 'build-info.json')
    .sort();
}

/** Every text the search index holds for the site, in all its parts: Pagefind's fragments are gzip JSON. */
async function indexedText(siteDir: string): Promise<string> {
  const dir = path.join(siteDir, 'pagefind');
  const names = (await readdir(dir, { recursive: true })).map(String).filter((n) => n.endsWith('.pf_fragment'));
  const texts = await Promise.all(
    names.map(async (n) => gunzipSync(await readFile(path.join(dir, n))).toString('utf8')),
  );
  return texts.join('\n');
}

const manifest = async (siteDir: string) =>
  JSON.parse(await readFile(path.join(siteDir, 'pagefind', 'shards.json'), 'utf8')) as ShardsManifest;

/**
 * `npm run build` of the same content into `work/<name>`, beside the live
 * site: both listings (folders too) and the files whose bytes differ.
 */
async function againstColdBuild(name: string) {
  const coldOut = path.join(work, name);
  await buildSites({ contentRoot, outDir: coldOut, sites: [site], workers: 1, workDir: path.join(workDir, name) });
  const [live, cold] = [path.join(outDir, site), path.join(coldOut, site)];
  const [liveFiles, coldFiles] = await Promise.all([files(live), files(cold)]);
  const present = new Set(liveFiles);
  const different: string[] = [];
  for (const f of coldFiles.filter((name) => !name.endsWith('/') && present.has(name)))
    if (!(await readFile(path.join(live, f))).equals(await readFile(path.join(cold, f)))) different.push(f);
  return { live, cold, liveFiles, coldFiles, different };
}

const entryPath = (section: string, slug: string) => path.join(contentRoot, 'content', site, section, `${slug}.mdx`);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-incremental-'));
  contentRoot = path.join(work, 'content');
  outDir = path.join(work, 'dist');
  const [first] = await writeSyntheticContent(contentRoot, { sites: 1, pagesPerSite: 60, seed: 7 });
  site = first!.id;
  renderers = createWarmRenderers({ contentRoot, outDir, workDir: path.join(workDir, 'warm') });
}, 60_000);

afterAll(async () => {
  await renderers?.close();
  await rm(work, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('publishing through the warm renderer', () => {
  it('after a random sequence of publish, edit, unpublish and delete, equals a full rebuild file for file, and search follows', async () => {
    const rand = random(SEED);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    expect((await renderers.publish(site)).mode).toBe('full');

    const sections = ['tin-tuc', 'van-ban', 'thu-tuc-hanh-chinh', 'gop-y', 'du-an-dau-thau'];
    const slugsOf = async (section: string) =>
      (await readdir(path.join(contentRoot, 'content', site, section)))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.replace(/\.mdx$/, ''));
    const linked = async () =>
      (await readdir(path.join(contentRoot, 'content', site), { recursive: true }))
        .map(String)
        .filter((f) => f.endsWith('.mdx'));
    const isLinked = async (section: string, slug: string) => {
      for (const f of await linked())
        if ((await readFile(path.join(contentRoot, 'content', site, f), 'utf8')).includes(`/${section}/${slug}/`))
          return true;
      return false;
    };
    const template = await readFile(entryPath('tin-tuc', (await slugsOf('tin-tuc'))[0]!), 'utf8');
    const published: string[] = [];
    const present = new Set<string>();
    const gone = new Set<string>();
    const log: string[] = [];
    pageOf.clear();

    // The number of parts doubles, then halves again (docs/adr/0046, 0110): the parts no longer listed must go too.
    const partsNow = async () => (await manifest(path.join(outDir, site))).parts.length;
    const before = await partsNow();
    const extra: string[] = [];
    while ((await partsNow()) === before && extra.length < 80) {
      for (let i = 0; i < 8; i++) {
        const slug = `ban-tin-them-${extra.length}`;
        await writeFile(entryPath('tin-tuc', slug), template.replace(/^title: .*$/m, `title: "Bản tin thêm ${slug}"`));
        extra.push(slug);
      }
      await renderers.publish(site);
    }
    expect(await partsNow()).toBe(before * 2 + 1);
    for (const slug of extra) await rm(entryPath('tin-tuc', slug));
    await renderers.publish(site);
    expect(await partsNow()).toBe(before);

    for (let step = 0; step < STEPS; step++) {
      const token = `zqmark${step}x${Math.floor(rand() * 1e6)}`;
      const kind = step < 2 ? 'publish' : pick(['publish', 'edit', 'edit', 'unpublish', 'delete']);
      if (kind === 'publish') {
        const slug = `ban-tin-kiem-thu-${step}`;
        await writeFile(
          entryPath('tin-tuc', slug),
          `${template.replace(/^title: .*$/m, `title: "Bản tin kiểm thử ${step}"`)}\n\nMã ${token}.\n`,
        );
        published.push(slug);
        present.add(token);
        pageOf.set(token, `/tin-tuc/${slug}/`);
      } else if (kind === 'edit') {
        const section = pick(sections);
        const slug = pick(await slugsOf(section));
        const file = entryPath(section, slug);
        await writeFile(
          file,
          (await readFile(file, 'utf8')).replace(
            /^title: (.*)$/m,
            (_, t: string) => `title: ${JSON.stringify(`${t.replace(/^"|"$/g, '')} (sửa ${step})`)}`,
          ),
        );
        await appendFile(file, `\nMã ${token}.\n`);
        present.add(token);
        pageOf.set(token, `/${section}/${slug}/`);
      } else if (kind === 'unpublish' && published.length) {
        const slug = published.splice(Math.floor(rand() * published.length), 1)[0]!;
        const text = await readFile(entryPath('tin-tuc', slug), 'utf8');
        for (const t of present) {
          if (!text.includes(t)) continue;
          present.delete(t);
          gone.add(t);
        }
        await rm(entryPath('tin-tuc', slug));
      } else {
        const section = pick(sections);
        const candidates = [];
        for (const slug of await slugsOf(section))
          if (!published.includes(slug) && !(await isLinked(section, slug))) candidates.push(slug);
        if (candidates.length < 2) continue;
        const slug = pick(candidates);
        const text = await readFile(entryPath(section, slug), 'utf8');
        for (const t of present) {
          if (!text.includes(t)) continue;
          present.delete(t);
          gone.add(t);
        }
        await rm(entryPath(section, slug));
      }
      const result = await renderers.publish(site);
      log.push(`${kind}: ${result.rendered} rendered, ${result.removed} removed`);
      expect(result.mode).toBe('incremental');
    }
    // Only what changed was rendered: never the whole site.
    const { pages } = JSON.parse(await readFile(path.join(outDir, site, 'build-info.json'), 'utf8')) as {
      pages: number;
    };
    expect(
      log.every((l) => Number(l.split(':')[1]!.trim().split(' ')[0]) < pages),
      log.join('\n'),
    ).toBe(true);

    // The publications wrote only a recent index beside the parts, hiding the parts' records they replaced (docs/adr/0110).
    const between = await manifest(path.join(outDir, site));
    expect(between.recent ?? between.superseded).toBeDefined();
    await renderers.settle(site);
    expect(await manifest(path.join(outDir, site))).toEqual({ parts: between.parts });

    const { live, cold, liveFiles, coldFiles, different } = await againstColdBuild('cold');
    expect(liveFiles).toEqual(coldFiles);
    expect(different, log.join('\n')).toEqual([]);
    // build-info.json differs in its time; its counts are the same.
    const counts = async (dir: string) => {
      const { pages, bytes, entries } = JSON.parse(await readFile(path.join(dir, 'build-info.json'), 'utf8')) as Record<
        string,
        number
      >;
      return { pages, bytes, entries };
    };
    expect(await counts(live)).toEqual(await counts(cold));

    const indexed = await indexedText(live);
    for (const t of present) expect(indexed, `${t} should be found`).toContain(t);
    for (const t of gone) expect(indexed, `${t} should no longer be found`).not.toContain(t);
    for (const t of present) found.set(t, pageOf.get(t)!);
  }, 240_000);

  it("renders every page when a department's facts changed or someone else put the site live, and still equals a full build", async () => {
    const yaml = path.join(contentRoot, 'sites', `${site}.yaml`);
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/phone: "[^"]*"/, 'phone: "0234 3999 999"'));
    const changed = await renderers.publish(site);
    const { pages } = JSON.parse(await readFile(path.join(outDir, site, 'build-info.json'), 'utf8')) as {
      pages: number;
    };
    expect(changed.rendered).toBeGreaterThanOrEqual(pages);
    // `npm run build` puts the site live behind the renderer's back; the next publication must not patch that version.
    await buildSites({ contentRoot, outDir, sites: [site], workers: 1, workDir: path.join(workDir, 'cli') });
    const file = entryPath(
      'van-ban',
      (await readdir(path.join(contentRoot, 'content', site, 'van-ban')))[0]!.replace(/\.mdx$/, ''),
    );
    await appendFile(file, '\nSau lần dựng bằng dòng lệnh.\n');
    expect((await renderers.publish(site)).rendered).toBeGreaterThanOrEqual(pages);
    const { liveFiles, coldFiles, different } = await againstColdBuild('cold-2');
    expect(liveFiles).toEqual(coldFiles);
    expect(different).toEqual([]);
  }, 240_000);

  it('a renderer killed with SIGKILL is replaced by a fresh one at the next publication, and nothing live is lost', async () => {
    const pid = renderers.pid(site);
    expect(pid).toBeDefined();
    const before = await files(path.join(outDir, site));
    process.kill(pid!, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await files(path.join(outDir, site))).toEqual(before);
    const file = entryPath(
      'tin-tuc',
      (await readdir(path.join(contentRoot, 'content', site, 'tin-tuc')))[0]!.replace(/\.mdx$/, ''),
    );
    await appendFile(file, '\nSau khi dừng đột ngột.\n');
    expect((await renderers.publish(site)).mode).toBe('full');
    expect(renderers.pid(site)).not.toBe(pid);
    expect((await renderers.publish(site)).mode).toBe('incremental');
  }, 180_000);

  it('refuses a change that breaks the site without touching what is live', async () => {
    const before = await readFile(path.join(outDir, site, 'build-info.json'), 'utf8');
    const yaml = path.join(contentRoot, 'sites', `${site}.yaml`);
    const good = await readFile(yaml, 'utf8');
    await writeFile(yaml, 'name: [\n');
    try {
      await expect(renderers.publish(site)).rejects.toMatchObject({ code: ContentInvalidError.code });
      expect(await readFile(path.join(outDir, site, 'build-info.json'), 'utf8')).toBe(before);
    } finally {
      await writeFile(yaml, good);
    }
    expect((await renderers.publish(site)).mode).toBe('incremental');
  }, 120_000);
});

/** The news list's pages as they are live: path → HTML. */
async function newsListPages(): Promise<Map<string, string>> {
  const dir = path.join(outDir, site, 'tin-tuc', 'trang');
  const pages = new Map<string, string>();
  for (const n of await readdir(dir).catch(() => [] as string[]))
    pages.set(`/tin-tuc/trang/${n}/`, await readFile(path.join(dir, n, 'index.html'), 'utf8'));
  return pages;
}

describe('a long list through the warm renderer (docs/adr/0112)', () => {
  it('keeps its archive pages put when the newest entry comes and goes, and equals a full rebuild', async () => {
    const dir = path.join(contentRoot, 'content', site, 'tin-tuc');
    // Without the marks the search tests look for: these entries must not be found in their place.
    const template = (
      await readFile(path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.mdx'))!), 'utf8')
    ).replace(/^Mã zq\w+\.$/gm, '');
    // Older than anything on the site, a day apart: the list gets archive pages at its old end.
    const day = (i: number) => new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);
    for (let i = 0; i < 70; i++)
      await writeFile(
        entryPath('tin-tuc', `luu-tru-${i}`),
        template
          .replace(/^title: .*$/m, `title: "Bản tin lưu trữ số ${i}"`)
          .replace(/^date: .*$/m, `date: ${day(i)}T09:30:00+07:00`),
      );
    await renderers.publish(site);
    const before = await newsListPages();
    expect(before.size).toBeGreaterThanOrEqual(3);

    const newest = entryPath('tin-tuc', 'ban-tin-moi-hom-nay');
    // The sitemap's parts (docs/adr/0120): the news part is written again, another section's part stays the same file.
    const sitemapPart = (part: string) => path.join(outDir, site, `sitemap-${part}.xml`);
    const documentsPart = (await stat(sitemapPart('van-ban'))).ino;
    await writeFile(
      newest,
      template
        .replace(/^title: .*$/m, 'title: "Bản tin mới hôm nay"')
        .replace(/^date: .*$/m, 'date: 2030-01-01T09:30:00+07:00'),
    );
    const published = await renderers.publish(site);
    const after = await newsListPages();
    expect(await readFile(sitemapPart('tin-tuc'), 'utf8')).toContain('/tin-tuc/ban-tin-moi-hom-nay/</loc>');
    expect((await stat(sitemapPart('van-ban'))).ino).toBe(documentsPart);
    // Every archive page but the newest one or two (whose link to the front page may move) is the same file.
    const newestArchive = Math.max(...[...before.keys()].map((p) => Number(p.split('/')[3])));
    for (const [url, html] of before)
      if (Number(url.split('/')[3]) < newestArchive - 1) expect(after.get(url), url).toBe(html);
    await rm(newest);
    const withdrawn = await renderers.publish(site);
    expect(await newsListPages()).toEqual(before);
    // The item, the front page, the feeds, the home page, the sitemap… not the list's archive.
    for (const result of [published, withdrawn]) expect(result.rendered).toBeLessThan(before.size + 30);

    await renderers.settle(site);
    const { liveFiles, coldFiles, different } = await againstColdBuild('cold-list');
    expect(liveFiles).toEqual(coldFiles);
    expect(different).toEqual([]);
  }, 240_000);
});

/**
 * The search page merges the parts of a split index (docs/adr/0046): text in
 * any part is found by a visitor, in Chromium, as the page ships it.
 */
describe.skipIf(!chromiumAvailable)('search over a split index, in Chromium', () => {
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    const app = new Hono<AppEnv>()
      .use('*', resolveDepartment(buildHostIndex([{ id: site, name: site, domains: [`${site}.thuathienhue.gov.vn`] }])))
      .route('/', createStaticSitesRoutes({ distDir: outDir }));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0 }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds the text of published entries in every part of the index', async () => {
    const { parts } = await manifest(path.join(outDir, site));
    expect(parts.length).toBeGreaterThan(0);
    expect(found.size).toBeGreaterThan(0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const [token, url] of found) {
        await page.goto(`http://${site}.localhost:${port}/tim-kiem/?q=${token}`);
        const hit = page.locator('#search-list a').first();
        await hit.waitFor({ timeout: 20_000 });
        expect(
          await page.locator('#search-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        ).toContain(url);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('pages through a long news list without JavaScript, newest first, each entry once, both ways', async () => {
    const listed = (await readdir(path.join(contentRoot, 'content', site, 'tin-tuc')))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `/tin-tuc/${f.replace(/\.mdx$/, '')}/`);
    expect(listed.length).toBeGreaterThan(60);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      const origin = `http://${site}.localhost:${port}`;
      await page.goto(`${origin}/tin-tuc/`);
      expect(await page.locator('nav.pagination [aria-current="page"]').innerText()).toBe('Mới nhất');
      const seen: string[] = [];
      const visited: string[] = [];
      for (;;) {
        visited.push(new URL(page.url()).pathname);
        seen.push(
          ...(await page.locator('main .entry__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
        );
        const older = page.getByRole('link', { name: 'Trang cũ hơn' });
        if ((await older.count()) === 0) break;
        const href = await older.getAttribute('href');
        expect(await older.getAttribute('rel')).toBe('next');
        expect(await page.locator('head link[rel="next"]').getAttribute('href')).toBe(href);
        await older.click();
        await page.waitForURL((url) => url.pathname === href);
      }
      // Archive pages are numbered from the oldest: the walk ends on page 1.
      expect(visited.at(-1)).toBe('/tin-tuc/trang/1/');
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...listed].sort());
      // Back up through "Trang mới hơn" to the front page.
      for (const url of visited.slice(0, -1).reverse()) {
        const newer = page.getByRole('link', { name: 'Trang mới hơn' });
        expect(await newer.getAttribute('rel')).toBe('prev');
        await newer.click();
        await page.waitForURL((u) => u.pathname === url);
      }
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/tin-tuc\/$/);
      const checked = await browser.newPage();
      for (const url of [visited[0]!, visited[1]!, visited.at(-1)!]) {
        await checked.goto(`${origin}${url}`);
        expect(await wcagViolations(checked), url).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('between publications and the rewrite of the parts, finds what was published and no longer what was changed or taken down', async () => {
    await renderers.settle(site);
    const news = [...found].filter(([, url]) => url.startsWith('/tin-tuc/'));
    const [edited, editedUrl] = news[0] ?? [];
    const [removed, removedUrl] = news.find(([, url]) => url !== editedUrl) ?? [];
    expect(editedUrl && removedUrl, 'two news items of the sequence are still published').toBeTruthy();
    const slugOf = (url: string) => url.split('/')[2]!;
    const editedFile = entryPath('tin-tuc', slugOf(editedUrl!));
    const newTitle = 'Tiêu đề đã sửa sau khi chỉ mục được viết lại';
    await writeFile(
      editedFile,
      (await readFile(editedFile, 'utf8')).replace(/^title: .*$/m, `title: ${JSON.stringify(newTitle)}`),
    );
    await rm(entryPath('tin-tuc', slugOf(removedUrl!)));
    const fresh = 'zqmoixuatban';
    await writeFile(
      entryPath('tin-tuc', 'ban-tin-moi-nhat'),
      `${(await readFile(editedFile, 'utf8'))
        .replace(/^title: .*$/m, 'title: "Bản tin mới nhất"')
        .replace(/^Mã zq\w+\.$/gm, '')}\n\nMã ${fresh}.\n`,
    );
    await renderers.publish(site);
    const between = await manifest(path.join(outDir, site));
    expect(between.recent?.languages).toContain('vi');
    expect(between.superseded?.length).toBe(2);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const search = async (q: string) => {
        await page.goto(`http://${site}.localhost:${port}/tim-kiem/?q=${q}`);
        await page.locator('#search-status:not(:empty)').waitFor({ timeout: 20_000 });
        await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.includes('…'));
        return page
          .locator('#search-list a')
          .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
      };
      // Pagefind matches a token's prefix too: look at the pages in question, not at the whole list.
      const hits = async (q: string, url: string) => (await search(q)).filter(([href]) => href === url);
      const expectations = async () => {
        expect(await hits(fresh, '/tin-tuc/ban-tin-moi-nhat/')).toEqual([
          ['/tin-tuc/ban-tin-moi-nhat/', 'Bản tin mới nhất'],
        ]);
        // The edited item is found once, under its new title: its old record in the parts is hidden.
        expect(await hits(edited!, editedUrl!)).toEqual([[editedUrl, newTitle]]);
        expect(await hits(removed!, removedUrl!)).toEqual([]);
      };
      await expectations();
      // A visitor whose search page loaded the index before the parts were rewritten searches again on it
      // (a page of its own: nothing of what it finds is in the browser's cache yet).
      const visitor = await browser.newPage();
      await visitor.goto(`http://${site}.localhost:${port}/tim-kiem/?q=${edited}`);
      await visitor.locator('#search-list a').first().waitFor({ timeout: 20_000 });
      await renderers.settle(site);
      expect(await manifest(path.join(outDir, site))).toEqual({ parts: between.parts });
      await visitor.locator('#search-form input[name="q"]').fill(fresh);
      await visitor.locator('#search-form input[name="q"]').press('Enter');
      await visitor.waitForURL(new RegExp(`q=${fresh}`));
      await visitor.locator('#search-list a', { hasText: 'Bản tin mới nhất' }).waitFor({ timeout: 20_000 });
      await expectations();
    } finally {
      await browser.close();
    }
  }, 120_000);
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#src/checks/content-checks.ts';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { seededRandom, writeSyntheticContent } from '#src/build/synthetic-content.ts';
import { createWarmRenderers } from '#src/build/warm-renderers.ts';
import type { WarmPublished } from '#src/build/worker-protocol.ts';
import { createPublishQueue } from '#server/editorial/publish-queue.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import type { ContentRepository, FileWrite } from '#server/editorial/content-repository/repository.ts';
import { checkSiteAsBuild, createPublicationGate } from '#server/editorial/publication-gate.ts';
import { PublicationRejectedError } from '#server/editorial/errors.ts';

/**
 * The publication gate reads again only the paths a change writes and takes
 * every other file's text from its last check of `main` (docs/adr/0115). Its
 * verdict must be the verdict of a check that reads every file: at each step
 * of a seeded random sequence of changes over two departments (edits, new
 * entries, links, deletions, broken front matter), both are compared, and a
 * change the full check refuses is refused.
 */
const SEED = 20261206;
const STEPS = 40;

let work: string;
let repo: ContentRepository;
let dir: string;
let sites: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-gate-reads-'));
  const made = await writeSyntheticContent(path.join(work, 'seed'), { sites: 2, pagesPerSite: 30, seed: 11 });
  sites = made.map((s) => s.id);
  // A problem main already has (a link to a page that no longer exists): the entry stays off the site, and the gate
  // lets changes elsewhere through. Its section is one the random changes below leave alone.
  const about = path.join(work, 'seed', 'content', sites[0]!, 'gioi-thieu');
  const template = await readFile(path.join(about, (await readdir(about)).find((n) => n.endsWith('.mdx'))!), 'utf8');
  await writeFile(
    path.join(about, 'lien-ket-hong.mdx'),
    `${template}\nXem [trang cũ](/tin-tuc/trang-da-xoa-tu-lau/).\n`,
  );
  ({ repo, dir } = await ensureContentRepository({
    dir: path.join(work, 'content'),
    seedFrom: path.join(work, 'seed'),
  }));
}, 60_000);

const workDir = path.join(PROJECT_ROOT, '.build', `test-gate-reads-${process.pid}`);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** Files by path (folders with a trailing slash) and their bytes, without the build record. */
async function tree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await readdir(root, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(root, path.join(d.parentPath, d.name));
    if (rel === 'build-info.json') continue;
    if (d.isDirectory()) out.set(`${rel}/`, '');
    else if (d.isFile()) out.set(rel, (await readFile(path.join(root, rel))).toString('base64'));
  }
  return out;
}

const key = (p: { file: string; kind?: string; field?: string; message: string }) =>
  `${p.file}|${p.kind ?? ''}|${p.field ?? ''}|${p.message}`;

describe('the publication gate reads only what a change wrote', () => {
  it('gives, at every step, the verdict of a check that reads every file', async () => {
    const rand = seededRandom(SEED);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    let withKnownTexts = 0;
    let withKnownFolders = 0;
    let mismatches: string[] = [];
    const gate = createPublicationGate({
      repo,
      check: async (root, site, reading) => {
        const fast = await checkSiteAsBuild(root, site, reading);
        if (reading?.unchanged) withKnownTexts += 1;
        if (reading?.folders?.size) withKnownFolders += 1;
        // A check that knows nothing: every file's text from the disk (its own cache keys by file identity).
        const full = (await checkContent(root, [site])).problems;
        const [a, b] = [fast.map(key).sort(), full.map(key).sort()];
        if (JSON.stringify(a) !== JSON.stringify(b))
          mismatches.push(`${site}: ${JSON.stringify({ fast: a, full: b })}`);
        return fast;
      },
    });
    const by = { username: 'annv', name: 'Nguyễn Văn An' };
    const entries = async (site: string, section: string) =>
      (await readdir(path.join(dir, 'content', site, section))).filter((n) => n.endsWith('.mdx'));
    let refused = 0;
    let accepted = 0;
    for (let step = 0; step < STEPS; step++) {
      const site = pick(sites);
      const section = pick(['tin-tuc', 'van-ban', 'thu-tuc-hanh-chinh']);
      const names = await entries(site, section);
      const name = pick(names);
      const file = `content/${site}/${section}/${name}`;
      const text = await readFile(path.join(dir, file), 'utf8');
      const other = pick(names).replace(/\.mdx$/, '');
      const kind = pick(['edit', 'new', 'link', 'delete', 'break', 'dead-link', 'decomposed']);
      const files: FileWrite[] =
        kind === 'edit'
          ? [{ path: file, content: `${text}\nĐoạn bổ sung ở bước ${step}.\n` }]
          : kind === 'new'
            ? [{ path: `content/${site}/${section}/moi-buoc-${step}.mdx`, content: text }]
            : kind === 'link'
              ? [{ path: file, content: `${text}\nXem thêm [bài liên quan](/${section}/${other}/).\n` }]
              : kind === 'delete'
                ? [{ path: file, content: null }]
                : kind === 'break'
                  ? [{ path: file, content: text.replace(/^title: .*$/m, 'title: [') }]
                  : kind === 'decomposed'
                    ? // Vietnamese typed with combining marks, not in NFC (Điều 8): a text problem, not a parse one.
                      [{ path: file, content: `${text}\nĐoạn ${'gõ tiếng Việt'.normalize('NFD')} ở bước ${step}.\n` }]
                    : [{ path: file, content: `${text}\nXem [bài đã gỡ](/${section}/khong-con-bai-nay-${step}/).\n` }];
      try {
        await gate.apply({ site, entry: null, files, by, summary: `Bước ${step}: ${kind}`, trailers: [] });
        accepted += 1;
      } catch (error) {
        if (!(error instanceof PublicationRejectedError)) throw error;
        refused += 1;
      }
      expect(mismatches).toEqual([]);
      mismatches = [];
    }
    // Both verdicts were exercised, and the checks after the first of each site took the known texts.
    expect(accepted).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
    expect(withKnownTexts).toBeGreaterThanOrEqual(STEPS - 2);
    // And the section folders it wrote nothing under as loaded before (docs/adr/0123).
    expect(withKnownFolders).toBeGreaterThanOrEqual(STEPS - 2);
  }, 120_000);

  it('checks the folder a change writes into, however its path is spelled (docs/adr/0123)', async () => {
    // Every folder but the one written is taken from the last check: a path that named another folder, or none, would
    // let a broken entry through unchecked.
    const gate = createPublicationGate({ repo });
    const site = sites[1]!;
    const names = (await readdir(path.join(dir, 'content', site, 'van-ban'))).filter((n) => n.endsWith('.mdx'));
    const text = await readFile(path.join(dir, 'content', site, 'van-ban', names[0]!), 'utf8');
    const broken = text.replace(/^title: .*$/m, 'title: [');
    const by = { username: 'annv', name: 'Nguyễn Văn An' };
    for (const spelled of [
      `content/${site}/van-ban/./moi-danh-van.mdx`,
      `content/${site}//van-ban/moi-danh-van.mdx`,
      `content/${site}/tin-tuc/../van-ban/moi-danh-van.mdx`,
    ]) {
      const files: FileWrite[] = [{ path: spelled, content: broken }];
      await expect(
        gate.apply({ site, entry: null, files, by, summary: spelled, trailers: [] }),
        spelled,
      ).rejects.toMatchObject({ code: 'E_PUBLICATION_REJECTED' });
    }
  });

  it('lets the warm renderer read again only those paths, and the site it puts live equals a full build', async () => {
    const site = sites[0]!;
    const outDir = path.join(work, 'dist');
    const renderers = createWarmRenderers({ contentRoot: dir, outDir, workDir: path.join(workDir, 'warm') });
    try {
      const results: WarmPublished[] = [];
      const queue = createPublishQueue({
        build: async (name) => {
          const result = await renderers.publish(name);
          results.push(result);
          return { excluded: result.excluded };
        },
      });
      const gate = createPublicationGate({ repo, queue });
      expect((await renderers.publish(site)).mode).toBe('full');
      const by = { username: 'annv', name: 'Nguyễn Văn An' };
      const news = (await readdir(path.join(dir, 'content', site, 'tin-tuc'))).filter((n) => n.endsWith('.mdx'));
      const template = await readFile(path.join(dir, 'content', site, 'tin-tuc', news[0]!), 'utf8');
      const changes: FileWrite[][] = [
        [
          {
            path: `content/${site}/tin-tuc/ban-tin-moi.mdx`,
            content: template.replace(/^title: .*$/m, 'title: Bản tin mới nhất'),
          },
        ],
        [{ path: `content/${site}/tin-tuc/${news[1]}`, content: `${template}\nĐoạn sửa sau khi công bố.\n` }],
        [{ path: `content/${site}/tin-tuc/${news[2]}`, content: null }],
        // Another department's change moves main too: this site's texts still hold.
        [{ path: `content/${sites[1]}/tin-tuc/bai-cua-so-khac.mdx`, content: template }],
        [
          {
            path: `content/${site}/tin-tuc/ban-tin-moi.mdx`,
            content: template.replace(/^title: .*$/m, 'title: Bản tin đã sửa tiêu đề'),
          },
        ],
      ];
      for (const [i, files] of changes.entries()) {
        const applied = await gate.apply({
          site: files[0]!.path.split('/')[1]!,
          entry: null,
          files,
          by,
          summary: `Thay đổi ${i}`,
          trailers: [],
        });
        expect((await applied.live)?.ok).toBe(true);
      }
      const ours = results.filter((r) => r.site === site);
      expect(ours.map((r) => r.mode)).toEqual(['incremental', 'incremental', 'incremental', 'incremental']);
      // Each publication read again the paths written since the site's last one, not the site's 90 files: the last
      // follows the other department's change as well as its own.
      expect(ours.map((r) => r.readAgain)).toEqual([1, 1, 1, 2]);
      // And loaded again only the section those paths are in, news, taking the other sections as they were (ADR 0123).
      expect(ours.map((r) => r.loadedAgain)).toEqual([1, 1, 1, 1]);
      // Each rendered the commit the gate had just checked, with the gate's problems (docs/adr/0122): the entry with the
      // dead link stays off the site, as in the full build compared below.
      expect(ours.map((r) => r.checkedByGate)).toEqual([true, true, true, true]);
      expect(ours.every((r) => r.excluded.some((p) => p.file.endsWith('gioi-thieu/lien-ket-hong.mdx')))).toBe(true);
      expect(existsSync(path.join(outDir, site, 'gioi-thieu', 'lien-ket-hong'))).toBe(false);
      expect(await readFile(path.join(outDir, site, 'tin-tuc', 'ban-tin-moi', 'index.html'), 'utf8')).toContain(
        'Bản tin đã sửa tiêu đề',
      );
      await renderers.settle(site);
      const coldOut = path.join(work, 'cold');
      await buildSites({
        contentRoot: dir,
        outDir: coldOut,
        sites: [site],
        workers: 1,
        workDir: path.join(workDir, 'cold'),
        // As a publication builds: an entry with a problem stays off the site instead of stopping the build.
        excludeInvalidEntries: true,
      });
      const [live, cold] = await Promise.all([tree(path.join(outDir, site)), tree(path.join(coldOut, site))]);
      expect([...live.keys()].sort()).toEqual([...cold.keys()].sort());
      expect([...live].filter(([f, bytes]) => cold.get(f) !== bytes).map(([f]) => f)).toEqual([]);
    } finally {
      await renderers.close();
    }
  }, 240_000);
});

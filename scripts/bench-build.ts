import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import * as pagefind from 'pagefind';
import { gzipSync } from 'node:zlib';
import { SECTION_IDS } from '#src/schema/sections.ts';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { formatBytes, formatCount, formatSeconds, formatTable } from '#src/text/table-format.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';

/**
 * `npm run bench:build -- --sites 20 --pages 100`: a cold build (empty caches)
 * of synthetic content across the eight sections, through the same
 * `buildSites` as `npm run build`. Targets on a 2-core machine: ≥ 150 pages/s,
 * a content page ≤ 30 KB gzip with its CSS, no JavaScript on content pages.
 * Where `hugo` is on the PATH, the same entries are then built by Hugo with
 * minimal templates (written into a temporary folder, not part of the
 * project) plus Pagefind over its HTML, for a point of comparison.
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const run = promisify(execFile);
/** Front-matter keys Hugo gives a meaning of its own (a page's `url`, `type`…): renamed in the comparison's copy. */
const HUGO_KEYS =
  /^(url|slug|aliases|type|layout|outputs|draft|weight|lastmod|publishDate|expiryDate|cascade|build|headless|resources|markup|linkTitle|keywords|params|menus?|sitemap):/gm;
const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '20' },
    pages: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
  },
});
const sites = Number(values.sites);
const pagesPerSite = Number(values.pages);

const work = await mkdtemp(path.join(tmpdir(), 'congso-bench-'));
const workDir = path.join(PROJECT_ROOT, '.build', `bench-${process.pid}`);
try {
  console.log(`Tạo ${sites} trang × ${pagesPerSite} bài tổng hợp trong ${work} …`);
  const ids = (await writeSyntheticContent(work, { sites, pagesPerSite })).map((s) => s.id);
  const outDir = path.join(work, 'dist');
  const load = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const result = await buildSites({
    contentRoot: work,
    outDir,
    workDir,
    onProgress: (e) => {
      if (e.type === 'rendered') {
        console.log(
          `  tiến trình ${e.worker + 1}: Astro ${formatSeconds(e.astroSeconds)}, chỉ mục (song song với Astro) ${formatSeconds(e.indexSeconds)}, nén ${formatSeconds(e.compressSeconds)}`,
        );
      }
    },
  });
  const pages = result.sites.reduce((n, s) => n + s.pages, 0);
  const entries = result.sites.reduce((n, s) => n + s.entries, 0);

  const content = await contentPageFigures(outDir, ids);
  const search = await Promise.all(
    ids.map(async (id) => ({ id, ...(await searchBytes(path.join(outDir, id, 'pagefind'))) })),
  );

  console.log(`\nBuild lạnh (bộ nhớ đệm trống), ${result.workers} tiến trình, tải máy lúc bắt đầu ${load.toFixed(1)}:`);
  console.log(
    formatTable(
      ['Chỉ số', 'Kết quả', 'Mục tiêu'],
      [
        ['Số trang HTML', formatCount(pages), ''],
        ['Số bài (MDX)', formatCount(entries), ''],
        ['Thời gian', formatSeconds(result.seconds), ''],
        ['  kiểm tra nội dung', formatSeconds(result.phases.checkSeconds), ''],
        ['  Astro + chỉ mục + nén', formatSeconds(result.phases.renderSeconds), ''],
        ['  đưa vào dist/', formatSeconds(result.phases.publishSeconds), ''],
        ['Trang/giây', formatCount(Math.round(pages / result.seconds)), '≥ 150'],
        ['Bài/giây', formatCount(Math.round(entries / result.seconds)), ''],
        ['CPU của các tiến trình dựng', formatSeconds(result.workerCpuSeconds), ''],
        ['Bộ nhớ đỉnh, lớn nhất một tiến trình', formatBytes(result.peakRssBytes.max), ''],
        ['Bộ nhớ đỉnh, cộng các tiến trình (chạy đồng thời)', formatBytes(result.peakRssBytes.sum), ''],
        ['Trang nội dung, gzip (HTML + CSS), trung vị', formatBytes(content.medianGzip), '≤ 30 KB'],
        ['Trang nội dung, gzip, lớn nhất', formatBytes(content.maxGzip), ''],
        ['JavaScript trên trang nội dung (tổng)', formatBytes(content.jsBytes), '0'],
        ['Chỉ mục Pagefind, tổng', formatBytes(search.reduce((n, s) => n + s.total, 0)), ''],
        ['  trong đó dữ liệu chỉ mục', formatBytes(search.reduce((n, s) => n + s.index, 0)), ''],
      ],
      [false, true, true],
    ),
  );
  const hugo = await hugoComparison(work, ids);
  if (hugo) {
    console.log(
      `\nCùng ${formatCount(entries)} bài với Hugo ${hugo.version} (mẫu tối thiểu) + Pagefind trên HTML của nó:`,
    );
    console.log(
      formatTable(
        ['Công cụ', 'Thời gian', 'Bài/giây', 'Số trang HTML'],
        [
          [
            'congso (Astro + Pagefind + nén)',
            formatSeconds(result.seconds),
            formatCount(Math.round(entries / result.seconds)),
            formatCount(pages),
          ],
          [
            `Hugo (${formatSeconds(hugo.hugoSeconds)}) + Pagefind (${formatSeconds(hugo.pagefindSeconds)})`,
            formatSeconds(hugo.seconds),
            formatCount(Math.round(entries / hugo.seconds)),
            formatCount(hugo.pages),
          ],
        ],
        [false, true, true, true],
      ),
    );
    console.log(`Tỉ lệ thời gian congso / Hugo: ${(result.seconds / hugo.seconds).toFixed(1)} ×`);
  } else console.log('\n(Không có hugo trên PATH: bỏ qua phép so sánh.)');
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `(CPU của tiến trình điều phối: ${formatSeconds((cpu.user + cpu.system) / 1e6)}; các tiến trình dựng không tính vào đây)`,
  );
  console.log('\nChỉ mục Pagefind theo trang:');
  console.log(
    formatTable(
      ['Trang', 'Tổng', 'Dữ liệu chỉ mục'],
      search.map((s) => [s.id, formatBytes(s.total), formatBytes(s.index)]),
      [false, true, true],
    ),
  );
} finally {
  await rm(workDir, { recursive: true, force: true });
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.log(`\nGiữ lại: ${work}`);
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

async function gzipSize(file: string): Promise<number> {
  try {
    return (await stat(`${file}.gz`)).size;
  } catch {
    return gzipSync(await readFile(file), { level: 9 }).length;
  }
}

/** Entry pages (`/<section>/<slug>/`): their gzip size with the stylesheets they link, and any script. */
async function contentPageFigures(outDir: string, ids: string[]) {
  const sizes: number[] = [];
  let jsBytes = 0;
  const cssCache = new Map<string, number>();
  for (const id of ids) {
    const root = path.join(outDir, id);
    for (const section of SECTION_IDS) {
      const dir = path.join(root, section);
      const slugs = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const slug of slugs) {
        const file = path.join(dir, slug.name, 'index.html');
        let html: string;
        try {
          html = await readFile(file, 'utf8');
        } catch {
          continue;
        }
        if (!(await isEntryPage(outDir, id, section, slug.name))) continue;
        let size = await gzipSize(file);
        for (const m of html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)) {
          const href = /href="?([^"\s>]+)/.exec(m[0])?.[1];
          if (!href?.startsWith('/')) continue;
          const css = path.join(root, href);
          if (!cssCache.has(css)) cssCache.set(css, await gzipSize(css).catch(() => 0));
          size += cssCache.get(css)!;
        }
        sizes.push(size);
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          if (/type="?application\/(ld\+)?json/.test(m[1]!)) continue;
          const src = /src="?([^"\s>]+)/.exec(m[1]!)?.[1];
          jsBytes += src?.startsWith('/')
            ? await stat(path.join(root, src)).then(
                (s) => s.size,
                () => 0,
              )
            : Buffer.byteLength(m[2]!);
        }
      }
    }
  }
  sizes.sort((a, b) => a - b);
  return {
    medianGzip: sizes[Math.floor(sizes.length / 2)] ?? 0,
    maxGzip: sizes.at(-1) ?? 0,
    jsBytes,
    count: sizes.length,
  };
}

/** The synthetic content knows its slugs; listing pages like `/van-ban/loai/` are not entries. */
async function isEntryPage(outDir: string, id: string, section: string, slug: string): Promise<boolean> {
  const source = path.join(path.dirname(outDir), 'content', id, section, `${slug}.mdx`);
  return stat(source).then(
    () => true,
    () => false,
  );
}

async function searchBytes(dir: string): Promise<{ total: number; index: number }> {
  let total = 0;
  let index = 0;
  for (const file of await listFiles(dir).catch(() => [] as string[])) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const size = (await stat(file)).size;
    total += size;
    if (/\.(pf_fragment|pf_index|pf_filter|pf_meta)$/.test(file)) index += size;
  }
  return { total, index };
}

/**
 * Hugo builds the same entries with a single and a list template, one Hugo
 * site per department; Pagefind indexes the HTML it wrote. Hugo's Markdown
 * leaves the three MDX components out (raw HTML off): a point of comparison
 * for speed, not the same pages.
 */
async function hugoComparison(work: string, ids: string[]) {
  const version = await run('hugo', ['version']).then(
    (r) => /v[\d.]+/.exec(r.stdout)?.[0] ?? '?',
    () => null,
  );
  if (!version) return null;
  const root = path.join(work, 'hugo');
  const layouts = path.join(root, 'theme', 'layouts', '_default');
  await mkdir(layouts, { recursive: true });
  const head = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>';
  await writeFile(
    path.join(layouts, 'single.html'),
    `${head}<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n`,
  );
  await writeFile(
    path.join(layouts, 'list.html'),
    `${head}<main><h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}</main></body></html>\n`,
  );
  for (const id of ids) {
    for (const section of SECTION_IDS) {
      const from = path.join(work, 'content', id, section);
      const to = path.join(root, id, 'content', section);
      const names = await readdir(from).catch(() => [] as string[]);
      await mkdir(to, { recursive: true });
      for (const name of names.filter((n) => n.endsWith('.mdx'))) {
        // Hugo gives some front-matter keys a meaning of its own (a page's `url`, `type`…): rename them.
        const text = (await readFile(path.join(from, name), 'utf8')).replace(HUGO_KEYS, 'x$1:');
        await writeFile(path.join(to, name.replace(/\.mdx$/, '.md')), text);
      }
    }
    await writeFile(
      path.join(root, id, 'config.toml'),
      `baseURL = "/"\ntitle = "${id}"\nthemesDir = "${root}"\ntheme = "theme"\npaginate = 20\n`,
    );
  }
  const out = path.join(root, 'public');
  const t0 = performance.now();
  for (const id of ids)
    await run('hugo', ['--quiet', '--source', path.join(root, id), '--destination', path.join(out, id)], {
      maxBuffer: 1 << 24,
    });
  const t1 = performance.now();
  for (const id of ids) {
    const { index } = await pagefind.createIndex({});
    await index!.addDirectory({ path: path.join(out, id) });
    await index!.writeFiles({ outputPath: path.join(out, id, 'pagefind') });
    await index!.deleteIndex();
  }
  await pagefind.close();
  const t2 = performance.now();
  const pages = (await listFiles(out)).filter((f) => f.endsWith('.html')).length;
  return {
    version,
    hugoSeconds: (t1 - t0) / 1000,
    pagefindSeconds: (t2 - t1) / 1000,
    seconds: (t2 - t0) / 1000,
    pages,
  };
}

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Actor,
  createPublishQueue,
  editorialRuntime,
  ensureContentRepository,
  siteBuilder,
} from '#server/editorial/index.ts';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';
import { formatCount, formatSeconds, formatTable } from '#src/text/table-format.ts';

/**
 * `npm run bench:publish [-- --sizes 1000,10000 --runs 5]` (those are the
 * defaults; `--pages 1000` is one size): for a synthetic
 * site of each size, the time from the head's click to the change being
 * served, through the path a publication takes on the server (Điều 19, bước
 * 3): the request → the publication gate → merge into `main` → the publish
 * queue → the site's warm renderer (docs/adr/0046, 0047) → atomic swap into
 * `dist/`. Measured for a new entry published, an entry unpublished and an
 * entry deleted, each `--runs` times, beside the cold build of the same site
 * in the same run. The renderer's first publication (its start) is shown
 * apart. Targets: median ≤ 2 s at 1,000 entries, 10,000 ≤ 1.5 × that, and
 * publish → live ≤ 1/10 of the cold build.
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    pages: { type: 'string' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = (values.pages ?? values.sizes).split(',').map(Number);
const runs = Math.max(1, Number(values.runs));

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor((s.length - 1) / 2)]!, max: s.at(-1)! };
};

interface SizeResult {
  pages: number;
  cold: number;
  start: number;
  publish: number[];
  unpublish: number[];
  remove: number[];
  /** Of each operation, the part after the change reached main: the queue, the renderer, the swap. */
  render: number[];
  /** The background rewrite of the search index's parts after the runs. */
  settle?: number;
}

async function benchSize(pages: number): Promise<SizeResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'congso-bench-publish-'));
  // Inside the project (Astro's bundle imports node_modules), apart from `npm run build`'s own folder.
  const workDir = path.join(PROJECT_ROOT, '.build', `bench-publish-${process.pid}`);
  const builder = siteBuilder({
    contentRoot: path.join(work, 'content'),
    outDir: path.join(work, 'dist'),
    workDir: path.join(workDir, 'warm'),
  });
  try {
    console.log(`\nTrang ${formatCount(pages)} bài: tạo nội dung tổng hợp, đưa vào kho nội dung git…`);
    const seed = path.join(work, 'seed');
    const [{ id: site }] = await writeSyntheticContent(seed, { sites: 1, pagesPerSite: pages });
    const { repo, dir: repoDir } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: seed });

    const t0 = performance.now();
    const cold = await buildSites({
      contentRoot: repoDir,
      outDir: path.join(work, 'cold'),
      sites: [site!],
      workDir: path.join(workDir, 'cold'),
    });
    const coldSeconds = (performance.now() - t0) / 1000;
    const p = cold.phases;
    console.log(
      `  dựng lạnh (npm run build): ${formatSeconds(coldSeconds)} — kiểm tra ${formatSeconds(p.checkSeconds)}, dựng + chỉ mục + nén ${formatSeconds(p.renderSeconds)}, hoán đổi ${formatSeconds(p.publishSeconds)}`,
    );

    const outDir = path.join(work, 'dist');
    const t1 = performance.now();
    await builder(site!);
    const start = (performance.now() - t1) / 1000;
    console.log(`  khởi động bộ dựng thường trực (lần công bố đầu): ${formatSeconds(start)}`);

    const member = (username: string, name: string, role: Actor['role'], sections: string[] = []): Actor => ({
      username,
      name,
      site: site!,
      role,
      sections,
      delegations: [],
    });
    const contributor = member('maiht', 'Hoàng Thị Mai', 'contributor', ['tin-tuc']);
    const deputy = member('hanhttb', 'Trần Thị Bích Hạnh', 'deputy');
    const head = member('annv', 'Nguyễn Văn An', 'head');
    const queue = createPublishQueue({ build: builder });
    const { proxy, service, gate } = await editorialRuntime({ repo, queue, liveWaitMs: 300_000 })();
    // As the server does after it starts listening (server/platform/main.ts): the gate parses the site once.
    const t3 = performance.now();
    await gate.warm([site!]);
    console.log(
      `  cổng công bố đọc trước nội dung (lúc máy chủ khởi động): ${formatSeconds((performance.now() - t3) / 1000)}`,
    );
    const call = async (actor: Actor, action: string, params: Record<string, unknown>) => {
      const r = await proxy.handle({ actor, site: site!, body: { action, params: { branch: 'main', ...params } } });
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const served = (slug: string) => path.join(outDir, site!, 'tin-tuc', slug, 'index.html');
    const lastOk = () => {
      const outcome = queue.recent(site!)[0]!;
      if (!outcome.ok) throw new Error(`dựng lại thất bại: ${JSON.stringify(outcome.error)}`);
      result.render.push(outcome.publishToLiveMs / 1000);
    };

    const news = (await repo.listFolder('main', `content/${site}/tin-tuc`))
      .map((f) => f.path)
      .filter((f) => f.endsWith('.mdx'));
    const template = await readFile(path.join(repoDir, news[0]!), 'utf8');
    // The gate refuses to delete an item other entries link to: delete among those nobody links to.
    const all = (await readdir(path.join(repoDir, 'content', site!), { recursive: true })).filter((f) =>
      f.endsWith('.mdx'),
    );
    const texts = await Promise.all(all.map((f) => readFile(path.join(repoDir, 'content', site!, f), 'utf8')));
    const unlinked = news
      .map((f) => path.basename(f, '.mdx'))
      .filter((slug) => !texts.some((t) => t.includes(`/tin-tuc/${slug}/`)));
    const result: SizeResult = { pages, cold: coldSeconds, start, publish: [], unpublish: [], remove: [], render: [] };
    for (let run = 0; run < runs; run++) {
      // Publish: a new item, entered, verified, then published by the head (the click that is timed).
      const slug = `ban-tin-do-kiem-${run + 1}-${Date.now()}`;
      const title = `Bản tin đo kiểm lần ${run + 1}`;
      // Dated now, as an editor's news of the day is: it goes to the top of its list (docs/adr/0112).
      const raw = template
        .replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)
        .replace(/^date: .*$/m, `date: ${new Date().toISOString()}`);
      await call(contributor, 'persistEntry', {
        dataFiles: [{ slug, path: `content/${site}/tin-tuc/${slug}.mdx`, raw }],
        assets: [],
        options: { collectionName: 'tin-tuc', commitMessage: `Tạo “${slug}”`, useWorkflow: true, status: 'draft' },
      });
      await call(contributor, 'updateUnpublishedEntryStatus', {
        collection: 'tin-tuc',
        slug,
        newStatus: 'pending_review',
      });
      await call(deputy, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus: 'pending_publish' });
      let t = performance.now();
      await call(head, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug });
      result.publish.push((performance.now() - t) / 1000);
      lastOk();
      // Live means the file a visitor gets has the new title, not just that a build ended.
      if (!(await readFile(served(slug), 'utf8')).includes(title))
        throw new Error(`trang ${slug} chưa có nội dung mới`);

      // Unpublish: the same item taken off the site.
      t = performance.now();
      await service.unpublish(head, { site: site!, section: 'tin-tuc', slug });
      result.unpublish.push((performance.now() - t) / 1000);
      lastOk();
      if (existsSync(served(slug))) throw new Error(`trang ${slug} vẫn còn sau khi gỡ`);

      // Delete: one of the site's own items.
      const victim = unlinked[(run * 37 + 11) % unlinked.length]!;
      t = performance.now();
      await service.deletePublished(head, { site: site!, section: 'tin-tuc', slug: victim }, `Xoá “${victim}”`);
      result.remove.push((performance.now() - t) / 1000);
      lastOk();
      if (existsSync(served(victim))) throw new Error(`trang ${victim} vẫn còn sau khi xoá`);
      const f = (xs: number[]) => formatSeconds(xs.at(-1)!);
      console.log(`  lần ${run + 1}: công bố ${f(result.publish)}, gỡ ${f(result.unpublish)}, xoá ${f(result.remove)}`);
    }
    // What follows each publication in the background: the parts of the search index rewritten (docs/adr/0110).
    const t2 = performance.now();
    await builder.settle(site!);
    result.settle = (performance.now() - t2) / 1000;
    console.log(`  viết lại các phần của chỉ mục tìm kiếm (chạy nền sau công bố): ${formatSeconds(result.settle)}`);
    return result;
  } finally {
    await builder.close();
    await rm(workDir, { recursive: true, force: true });
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else console.log(`  giữ lại: ${work}`);
  }
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));

const rows: string[][] = [];
for (const r of results) {
  const row = (label: string, xs: number[]) => {
    const s = stats(xs);
    return [
      formatCount(r.pages),
      label,
      formatSeconds(s.min),
      formatSeconds(s.median),
      formatSeconds(s.max),
      formatSeconds(r.cold),
      `${((s.median / r.cold) * 100).toFixed(1)} %`,
    ];
  };
  rows.push(
    row('công bố → trực tuyến', r.publish),
    row('gỡ → hết phục vụ', r.unpublish),
    row('xoá → hết phục vụ', r.remove),
    row('  (cả ba) từ main đến trực tuyến', r.render),
  );
}
console.log(
  `\nTừ lúc bấm đến khi thay đổi được phục vụ, ${runs} lần mỗi loại (mục tiêu: trung vị ≤ 2 s ở 1.000 bài; ≤ 10 % thời gian dựng lạnh):`,
);
console.log(
  formatTable(['Số bài', 'Thao tác', 'Nhỏ nhất', 'Trung vị', 'Lớn nhất', 'Dựng lạnh', 'Trung vị / lạnh'], rows, [
    true,
    false,
    true,
    true,
    true,
    true,
    true,
  ]),
);
const small = results.find((r) => r.pages === 1000);
const large = results.find((r) => r.pages === 10000);
if (small && large) {
  const ratio = stats(large.publish).median / stats(small.publish).median;
  console.log(`Trung vị công bố 10.000 / 1.000 bài: ${ratio.toFixed(2)} × (mục tiêu ≤ 1,5 ×)`);
}

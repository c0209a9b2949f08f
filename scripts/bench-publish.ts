import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureContentRepository } from '#server/editorial/index.ts';
import { createPublicationGate } from '#server/editorial/index.ts';
import { createDecapProxy } from '#server/editorial/index.ts';
import type { Actor } from '#server/editorial/index.ts';
import { createPublishQueue } from '#server/editorial/index.ts';
import { siteBuilder } from '#server/editorial/index.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { formatCount, formatSeconds, formatTable } from '#src/text/table-format.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';

/**
 * `npm run bench:publish [-- --pages 1000 --runs 5]`: publish-to-live for one
 * changed news item on a site of `--pages` entries, through the path a
 * publication takes on the server (Điều 19, bước 3): the head's publish
 * request to the Decap proxy → validation → merge into `main` → the working
 * tree updated → the publish queue rebuilds that one site → atomic swap into
 * `dist/`. The edit and the two earlier steps (enter, verify) are done first
 * and not timed. Target ≤ 10 s, goal 2 s.
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({
  options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } },
});
const pages = Number(values.pages);
const runs = Number(values.runs);

const work = await mkdtemp(path.join(tmpdir(), 'congso-bench-publish-'));
// Inside the project (Astro's bundle imports node_modules), apart from `npm run build`'s own folder.
const workDir = path.join(PROJECT_ROOT, '.build', `bench-publish-${process.pid}`);
try {
  console.log(`Tạo 1 trang × ${formatCount(pages)} bài tổng hợp, đưa vào kho nội dung git…`);
  const seed = path.join(work, 'seed');
  const [{ id: site }] = await writeSyntheticContent(seed, { sites: 1, pagesPerSite: pages });
  const t0 = performance.now();
  const { repo, dir: repoDir } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: seed });
  console.log(`  kho nội dung: ${formatSeconds((performance.now() - t0) / 1000)}`);

  const outDir = path.join(work, 'dist');
  const build = siteBuilder({ contentRoot: repoDir, outDir, workDir });
  const t1 = performance.now();
  await build(site!);
  console.log(`  dựng lần đầu (lạnh): ${formatSeconds((performance.now() - t1) / 1000)}`);

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

  const queue = createPublishQueue({ build });
  const proxy = createDecapProxy({ repo, gate: createPublicationGate({ repo, queue }), liveWaitMs: 120_000 });
  const call = async (actor: Actor, action: string, params: Record<string, unknown>) => {
    const r = await proxy.handle({ actor, site: site!, body: { action, params: { branch: 'main', ...params } } });
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  const news = (await repo.listFolder('main', `content/${site}/tin-tuc`)).map((f) => f.path).filter((p) => p.endsWith('.mdx'));
  const results: Array<{ total: number; queue: number; merge: number }> = [];
  for (let run = 0; run < runs; run++) {
    const file = news[(run * 37) % news.length]!;
    const slug = path.basename(file, '.mdx');
    const title = `Bản tin đã sửa lần ${run + 1} lúc ${new Date().toISOString()}`;
    const raw = (await readFile(path.join(repoDir, file), 'utf8')).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
    await call(contributor, 'persistEntry', {
      dataFiles: [{ slug, path: file, raw }],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: `Cập nhật “${slug}”`, useWorkflow: true, status: 'draft' },
    });
    await call(contributor, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus: 'pending_review' });
    await call(deputy, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus: 'pending_publish' });

    const start = performance.now();
    const startedAt = Date.now();
    await call(head, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug });
    const total = (performance.now() - start) / 1000;
    const outcome = queue.recent(site!)[0]!;
    if (!outcome.ok) throw new Error(`dựng lại thất bại: ${JSON.stringify(outcome.error)}`);
    // Live means the file the visitor gets has the new title, not just that a build ended.
    const html = await readFile(path.join(outDir, site!, 'tin-tuc', slug, 'index.html'), 'utf8');
    if (!html.includes(title.split(' lúc ')[0]!)) throw new Error(`trang ${slug} chưa có nội dung mới`);
    results.push({ total, queue: outcome.publishToLiveMs / 1000, merge: (outcome.publication.publishedAt - startedAt) / 1000 });
    console.log(`  lần ${run + 1}: ${formatSeconds(total)} (gộp vào main ${formatSeconds(results.at(-1)!.merge)}, dựng lại + đưa lên ${formatSeconds(results.at(-1)!.queue)})`);
  }

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return [formatSeconds(s[0]!), formatSeconds(s[Math.floor((s.length - 1) / 2)]!), formatSeconds(s.at(-1)!)];
  };
  console.log(`\nTừ lúc bấm "Công bố" đến khi trang mới được phục vụ, trang ${formatCount(pages)} bài, ${runs} lần:`);
  console.log(
    formatTable(
      ['Chỉ số', 'Nhỏ nhất', 'Trung vị', 'Lớn nhất', 'Mục tiêu'],
      [
        ['Công bố → trực tuyến', ...stats(results.map((r) => r.total)), '≤ 10 s (đích 2 s)'],
        ['  kiểm tra + gộp vào main', ...stats(results.map((r) => r.merge)), ''],
        ['  dựng lại trang + hoán đổi', ...stats(results.map((r) => r.queue)), ''],
      ],
      [false, true, true, true, false],
    ),
  );
} finally {
  await rm(workDir, { recursive: true, force: true });
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.log(`\nGiữ lại: ${work}`);
}

import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { entryCacheFile, loadEntryCache, pruneEntryCaches, saveEntryCache } from '#src/build/entry-cache.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';
import { ENTRY_MEMO_KEY, type EntryMemo } from '#src/content-source/entries.ts';
import { siteBuilder } from '#server/editorial/publish-queue-build.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';

/**
 * A server's renderers keep each site's parsed entries outside the server's
 * own scratch folder (docs/adr/0118-parsed-entries-outlive-the-server.md):
 * after a restart, the first renderer of a large site parses only what
 * changed instead of every entry.
 */
let work: string;
let site: string;
const scratch = path.join(PROJECT_ROOT, '.build', `test-entry-cache-${process.pid}`);
const entryCacheDir = path.join(scratch, 'kept');
const MARK = 'Phần thân lấy từ bản đã phân tích trước khi khởi động lại';
/** The entry whose kept parse the first test marks. */
let marked = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-entry-cache-'));
  const [first] = await writeSyntheticContent(path.join(work, 'content'), { sites: 1, pagesPerSite: 12, seed: 7 });
  site = first!.id;
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const serverRun = (n: number) =>
  siteBuilder({
    contentRoot: path.join(work, 'content'),
    outDir: path.join(work, 'dist'),
    workDir: path.join(scratch, `server-${n}`),
    entryCacheDir,
  });

describe('parsed entries across a server restart', () => {
  it("outlive the server's scratch folder, and the next server's first renderer takes them instead of parsing", async () => {
    const before = serverRun(1);
    await before(site, 'publish:annv');
    await before.close();
    expect(existsSync(path.join(scratch, 'server-1'))).toBe(false);

    const cacheFile = entryCacheFile(entryCacheDir, site);
    const memo = await loadEntryCache(cacheFile);
    const news = [...memo.keys()].filter((f) => f.startsWith(`content/${site}/tin-tuc/`)).sort();
    expect(news.length).toBeGreaterThan(0);
    // A kept parse is used only for the same source: mark one so the page shows where its body came from.
    const kept = memo.get(news[0]!)!;
    marked = news[0]!;
    memo.set(marked, {
      source: kept.source,
      result: { ...kept.result, value: { ...kept.result.value!, html: `<p>${MARK}</p>` } },
    });
    await saveEntryCache(cacheFile, memo, memo.keys());

    const after = serverRun(2);
    try {
      await after(site, 'publish:annv');
    } finally {
      await after.close();
    }
    const slug = path.basename(marked).replace(/\.mdx?$/, '');
    const page = await readFile(path.join(work, 'dist', site, 'tin-tuc', slug, 'index.html'), 'utf8');
    expect(page).toContain(MARK);
  }, 240_000);

  it("let the publication gate's warm-up at a server's start take them instead of parsing the site", async () => {
    expect(marked).not.toBe('');
    const { repo } = await ensureContentRepository({
      dir: path.join(work, 'repo'),
      seedFrom: path.join(work, 'content'),
    });
    await createPublicationGate({ repo, entryCacheDir }).warm([site]);
    const memo = (globalThis as Record<symbol, EntryMemo | undefined>)[ENTRY_MEMO_KEY];
    expect(memo?.get(marked)?.result.value?.html).toBe(`<p>${MARK}</p>`);
  }, 60_000);

  it("are removed at a server's start for departments that no longer exist, and kept for the others", async () => {
    const live = entryCacheFile(entryCacheDir, site);
    expect(existsSync(live)).toBe(true);
    // A department retired since the last start left its kept parses behind; a renderer is writing another file.
    await copyFile(live, entryCacheFile(entryCacheDir, 'sodaxoa'));
    const writing = `${entryCacheFile(entryCacheDir, site)}.4242.tmp`;
    await writeFile(writing, 'đang ghi');

    expect(await pruneEntryCaches(entryCacheDir, [site])).toEqual(['sodaxoa']);
    expect((await readdir(entryCacheDir)).sort()).toEqual([path.basename(live), path.basename(writing)].sort());
    expect((await loadEntryCache(live)).size).toBeGreaterThan(0);
    await rm(writing);
  });
});

import path from 'node:path';
import { rm } from 'node:fs/promises';
import { ENTRY_MEMO_KEY, EXCLUDED_ENTRIES_KEY } from '../content-source/entries.ts';
import { checkContent } from '../checks/content-checks.ts';
import { closeSearchService, writeSearchIndex } from './search-index.ts';
import { precompressTree } from './precompress.ts';
import { loadEntryCache, saveEntryCache } from './entry-cache.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

/**
 * One build worker (a child process): checks its group of sites, waits for
 * the parent's go (every group must be valid before anything is built), then
 * runs Astro, writes each site's search index and pre-compresses the output.
 * Astro reads the scope from the environment the parent set.
 */
function send(reply: WorkerReply): Promise<void> {
  return new Promise((resolve) => process.send!(reply, undefined, {}, () => resolve()));
}

function nextMessage(): Promise<WorkerRequest> {
  return new Promise((resolve) => process.once('message', (m) => resolve(m as WorkerRequest)));
}

async function run(start: Extract<WorkerRequest, { type: 'start' }>): Promise<void> {
  // Validation parses every entry (or finds it unchanged since the last build); the Astro loader then finds them here.
  const cacheFile = path.join(process.cwd(), 'entry-cache.bin');
  const memo = await loadEntryCache(cacheFile);
  (globalThis as Record<symbol, unknown>)[ENTRY_MEMO_KEY] = memo;
  const t0 = performance.now();
  const report = await checkContent(start.contentRoot, start.sites);
  await send({
    type: 'checked',
    problems: report.problems,
    entries: Object.fromEntries(report.sites.map((s) => [s.department.id, s.entries.length])),
    ms: performance.now() - t0,
  });
  // Astro's modules load while the other workers finish their checks: the wait for "go" is otherwise idle.
  const loadingAstro = import('astro');
  loadingAstro.catch(() => undefined);
  const go = await nextMessage();
  if (go.type !== 'go') return;
  const excluded = new Set(go.exclude ?? []);
  (globalThis as Record<symbol, unknown>)[EXCLUDED_ENTRIES_KEY] = excluded;
  const sites = report.sites.map((site) => ({ ...site, entries: site.entries.filter((e) => !excluded.has(e.file)) }));

  // Pagefind indexes in its own process: run it while Astro renders.
  const tGo = performance.now();
  let indexMs = 0;
  await rm(start.searchOut, { recursive: true, force: true });
  const indexing = Promise.all(
    sites.map((site) =>
      writeSearchIndex(site.department.id, site.entries, path.join(start.searchOut, site.department.id)),
    ),
  ).then(() => (indexMs = performance.now() - tGo));
  indexing.catch(() => undefined);

  const t1 = performance.now();
  const { build } = await loadingAstro;
  await build({
    root: start.projectRoot,
    logLevel: 'warn',
    mode: 'production',
    // Each worker its own Vite cache: two builds must not share one folder.
    vite: { cacheDir: start.viteCache },
  });
  const astroMs = performance.now() - t1;
  await saveEntryCache(
    cacheFile,
    memo,
    sites.flatMap((s) => s.entries.map((e) => e.file)),
  );
  await indexing;
  await closeSearchService();
  (globalThis as Record<symbol, unknown>)[ENTRY_MEMO_KEY] = undefined;

  const t2 = performance.now();
  if (start.precompress) {
    // Files identical to the live site's keep its compressed copies: a publication changes a few pages, not all.
    const live = (tree: string, under: string) => (file: string) => {
      const [site, ...rest] = path.relative(tree, file).split(path.sep);
      return site && site !== '_astro' && rest.length ? path.join(start.liveDir, site, under, ...rest) : null;
    };
    await precompressTree(start.astroOut, { liveCounterpart: live(start.astroOut, '') });
    await precompressTree(start.searchOut, { liveCounterpart: live(start.searchOut, 'pagefind') });
  }
  const compressMs = performance.now() - t2;
  const usage = process.resourceUsage();
  await send({
    type: 'built',
    totalMs: performance.now() - tGo,
    astroMs,
    indexMs,
    compressMs,
    peakRssBytes: usage.maxRSS * 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  });
}

const first = await nextMessage();
if (first.type === 'start') {
  try {
    await run(first);
  } catch (error) {
    const e = error as Error & { code?: string; data?: unknown };
    await send({ type: 'failed', message: e.stack ?? String(e), code: e.code, data: e.data });
    process.exitCode = 1;
  }
}
// Vite and Pagefind may leave handles open; the work is reported, so leave.
process.exit();

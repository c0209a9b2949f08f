import path from 'node:path';
import { rm } from 'node:fs/promises';
import { ENTRY_MEMO_KEY } from '../../src/content-source/entries.ts';
import { checkContent } from './content-checks.ts';
import { closeSearchService, writeSearchIndex } from './search-index.ts';
import { precompressTree } from './precompress.ts';
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
  // Validation parses every entry; the Astro loader then finds them here instead of parsing again.
  (globalThis as Record<symbol, unknown>)[ENTRY_MEMO_KEY] = new Map();
  const t0 = performance.now();
  const report = await checkContent(start.contentRoot, start.sites);
  await send({
    type: 'checked',
    problems: report.problems,
    entries: Object.fromEntries(report.sites.map((s) => [s.department.id, s.entries.length])),
    ms: performance.now() - t0,
  });
  const go = await nextMessage();
  if (go.type !== 'go') return;

  // Pagefind indexes in its own process: run it while Astro renders.
  const tGo = performance.now();
  let indexMs = 0;
  await rm(start.searchOut, { recursive: true, force: true });
  const indexing = Promise.all(
    report.sites.map((site) => writeSearchIndex(site.department.id, site.entries, path.join(start.searchOut, site.department.id))),
  ).then(() => (indexMs = performance.now() - tGo));
  indexing.catch(() => undefined);

  const t1 = performance.now();
  const { build } = await import('astro');
  await build({
    root: start.projectRoot,
    logLevel: 'warn',
    mode: 'production',
    // Each worker its own Vite cache: two builds must not share one folder.
    vite: { cacheDir: start.viteCache },
  });
  const astroMs = performance.now() - t1;
  await indexing;
  await closeSearchService();
  (globalThis as Record<symbol, unknown>)[ENTRY_MEMO_KEY] = undefined;

  const t2 = performance.now();
  if (start.precompress) {
    await precompressTree(start.astroOut);
    await precompressTree(start.searchOut);
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

import { parentPort } from 'node:worker_threads';
import { closeSearchService, writeBundle } from './search-index.ts';
import type { CompactionJob } from './search-compaction.ts';

/**
 * Writes the parts of a site's search index on a thread of its own, with a
 * Pagefind service of its own (docs/adr/0110): Pagefind answers one index at
 * a time, and a publication's small index must not wait behind the parts.
 */
parentPort!.on('message', async (job: CompactionJob) => {
  try {
    for (const part of job.parts) await writeBundle(job.site, part.records, part.dir);
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
parentPort!.on('close', () => void closeSearchService());

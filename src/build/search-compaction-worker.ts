import { parentPort } from 'node:worker_threads';
import { closeSearchService, writeBundle } from './search-index.ts';
import type { CompactionJob } from './search-compaction.ts';

/**
 * Writes the parts of a site's search index on a thread of its own, with a
 * Pagefind service of its own (docs/adr/0110): Pagefind answers one index at
 * a time, and a publication's small index must not wait behind the parts.
 * A job told to stop stops between two parts: Pagefind's service cannot be
 * interrupted in a write without breaking its pipe.
 */
let stopped = false;
parentPort!.on('message', async (message: CompactionJob | 'stop') => {
  if (message === 'stop') {
    stopped = true;
    return;
  }
  stopped = false;
  try {
    for (const part of message.parts) {
      if (stopped) throw new Error('stopped for a publication');
      await writeBundle(message.site, part.records, part.dir);
    }
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
parentPort!.on('close', () => void closeSearchService());

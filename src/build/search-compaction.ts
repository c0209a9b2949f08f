import { Worker } from 'node:worker_threads';
import type { SearchRecord } from './search-records.ts';

/** The parts of the index to write: each folder with its records. */
export interface CompactionJob {
  site: string;
  parts: Array<{ dir: string; records: SearchRecord[] }>;
}

/**
 * The thread that rewrites the parts of the search index after publications
 * (docs/adr/0110), started on first use and kept: one job at a time.
 */
export function searchCompactor() {
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const run = (job: CompactionJob) =>
    new Promise<void>((resolve, reject) => {
      worker ??= new Worker(new URL('./search-compaction-worker.ts', import.meta.url));
      worker.unref();
      const w = worker;
      const onExit = (code: number) => {
        if (worker === w) worker = undefined;
        reject(new Error(`search compaction thread stopped (${code})`));
      };
      w.once('exit', onExit);
      w.once('message', (reply: { ok: boolean; message?: string }) => {
        w.off('exit', onExit);
        if (reply.ok) resolve();
        else reject(new Error(reply.message));
      });
      w.postMessage(job);
    });
  return {
    write(job: CompactionJob): Promise<void> {
      const next = queue.then(() => run(job));
      queue = next.catch(() => undefined);
      return next;
    },
    /**
     * Stops the job in flight, if any, before its next part: Pagefind's
     * service takes both cores while it writes, and a publication must not
     * wait behind a rewrite it makes stale anyway. The job's promise rejects.
     */
    cancel(): void {
      worker?.postMessage('stop');
    },
    async close(): Promise<void> {
      await worker?.terminate();
      worker = undefined;
    },
  };
}

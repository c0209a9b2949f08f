import type { ContentProblem } from '../content-source/problems.ts';

/** Messages between `build-sites.ts` and its `build-worker.ts` children. */
export type WorkerRequest =
  | {
      type: 'start';
      projectRoot: string;
      contentRoot: string;
      sites: string[];
      /** Equal to the worker's CONGSO_ASTRO_OUT. */
      astroOut: string;
      searchOut: string;
      viteCache: string;
      precompress: boolean;
      /** The live output (`dist/`), whose compressed copies are reused for unchanged files. */
      liveDir: string;
    }
  | {
      type: 'go';
      /** Entry files left out of this build: they failed the check (publication mode, ADR 0045). */
      exclude?: string[];
    }
  | { type: 'stop' };

export type WorkerReply =
  | { type: 'checked'; problems: ContentProblem[]; entries: Record<string, number>; ms: number }
  | { type: 'built'; totalMs: number; astroMs: number; indexMs: number; compressMs: number; peakRssBytes: number; cpuMs: number }
  | { type: 'failed'; message: string; code?: string; data?: unknown };

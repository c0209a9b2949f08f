import type { ContentProblem } from '../content-source/problems.ts';
import type { MainWrite } from '../content-source/main-writes.ts';

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
  | {
      type: 'built';
      totalMs: number;
      astroMs: number;
      indexMs: number;
      compressMs: number;
      peakRssBytes: number;
      cpuMs: number;
    }
  | { type: 'failed'; message: string; code?: string; data?: unknown };

/** Messages between `warm-renderers.ts` and its long-lived `warm-renderer.ts` children (docs/adr/0047). */
export type WarmRequest =
  | {
      type: 'publish';
      id: number;
      liveDir: string;
      outDir: string;
      precompress: boolean;
      /** The moment the site is shown as of (docs/adr/0049): the server's, which a test may set (`CONGSO_BUILD_AT`). */
      builtAt: number;
      /** The latest changes of `main` the publication gate committed: what to read again (docs/adr/0115). */
      writes?: MainWrite[];
    }
  /** Rewrite the search index's parts now, without the recent index (docs/adr/0110). */
  | { type: 'settle'; id: number };

/** One draft's page, rendered by the site's own code and not put live (docs/adr/0106). */
export interface WarmDraftRequest {
  type: 'render-draft';
  id: number;
  /** `content/<site>/<section>/<slug>.mdx`. */
  file: string;
  /** The draft's MDX. */
  text: string;
  builtAt: number;
}

/** What the parent sends a warm renderer. */
export type WarmMessage = WarmRequest | WarmDraftRequest;

/** A draft's page, or why it cannot be drawn: the same problems the check would name. */
export type DraftRender = { ok: true; html: string } | { ok: false; problems: ContentProblem[] };

export interface WarmPublished {
  site: string;
  /** `full`: the renderer started (Astro built the site); `incremental`: only the pages a change touched. */
  mode: 'full' | 'incremental';
  excluded: ContentProblem[];
  entries: number;
  pages: number;
  bytes: number;
  /** Files rendered and removed by this publication. */
  rendered: number;
  removed: number;
  builtAt: string;
  commit?: string;
  /** How the search index changed: a recent index beside the parts, the parts rewritten, or not at all (docs/adr/0110). */
  search?: 'recent' | 'parts' | 'unchanged';
  /** Paths the check read again, as written since the last check by the publication gate's record; absent: every file was looked at (docs/adr/0115). */
  readAgain?: number;
  /** Of those, the section folders loaded again: the others were taken as the last check loaded them (docs/adr/0123). */
  loadedAgain?: number;
  /** The publication gate's problems for the commit rendered stood for the checks across entries (docs/adr/0122). */
  checkedByGate?: true;
  /** Wall time of each step, in ms. */
  phases: Record<string, number>;
  totalMs: number;
}

export type WarmReply =
  | { type: 'published'; id: number; result: WarmPublished }
  | { type: 'settled'; id: number }
  | { type: 'drafted'; id: number; result: DraftRender }
  | { type: 'failed'; id: number; message: string; code?: string; data?: unknown };

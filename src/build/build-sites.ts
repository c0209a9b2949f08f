import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDepartments } from '../content-source/departments.ts';
import { ContentInvalidError, type ContentProblem } from '../content-source/problems.ts';
import { DomainError } from '../errors.ts';
import { SECTION_IDS } from '../schema/sections.ts';
import { buildScopeToEnv } from './build-scope.ts';
import { balanceGroups } from './build-groups.ts';
import { measureSite, removeLeftovers, stageSite, swapIn, writeBuildInfo, type BuildInfo } from './publish-site.ts';
import { currentCommit } from './commit.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';
import { appendBuildRecord } from './build-history.ts';

/**
 * `npm run build` as a function, for the CLI and for the publish pipeline
 * (which calls it for one site). See docs/adr/0001-one-astro-build-many-sites.md.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSitesOptions {
  /** Folder holding `sites/` and `content/`. */
  contentRoot: string;
  /** Site ids; empty or absent means every site. */
  sites?: string[];
  /** Where the live sites are: `dist/`. */
  outDir: string;
  /**
   * Scratch space for workers' Astro output and caches; `.build/` of the project
   * by default. Must lie inside the project: Astro's prerender bundle, written
   * there, imports packages from the project's node_modules.
   */
  workDir?: string;
  /** At most this many worker processes; the number of cores by default. */
  workers?: number;
  /** The Astro project (config and pages); this repository by default. Tests use a tiny one. */
  projectRoot?: string;
  /** Write `.br`/`.gz` beside text files (default true). */
  precompress?: boolean;
  onProgress?: (event: BuildProgress) => void;
  /** Who started the build, for the build history (`dist/_history/<site>.jsonl`); `cli:<os user>` by default. */
  triggeredBy?: string;
  /**
   * Publication mode (ADR 0045): an entry that fails the check is left out
   * and named in the result, instead of stopping the whole site. Problems
   * that are not an entry's (a site's YAML) still stop the build.
   */
  excludeInvalidEntries?: boolean;
}

export type BuildProgress =
  | { type: 'checked'; sites: number; entries: number; workers: number; seconds: number }
  | {
      type: 'rendered';
      worker: number;
      sites: string[];
      seconds: number;
      astroSeconds: number;
      indexSeconds: number;
      compressSeconds: number;
    }
  | { type: 'published'; index: number; total: number; site: SiteBuildResult };

export interface SiteBuildResult {
  site: string;
  /** Entries left out because they failed the check (publication mode only). */
  excluded: ContentProblem[];
  entries: number;
  pages: number;
  bytes: number;
  /** Its share (by entries) of its worker's shared run, plus its own publishing. */
  seconds: number;
}

export interface BuildSitesResult {
  sites: SiteBuildResult[];
  seconds: number;
  workers: number;
  /** Highest peak resident memory of one worker, and the sum over workers (they run at once). */
  peakRssBytes: { max: number; sum: number };
  /** CPU time of the workers (not Pagefind's helper process). */
  workerCpuSeconds: number;
  /** Wall time of each phase. */
  phases: { checkSeconds: number; renderSeconds: number; publishSeconds: number };
}

export type BuildFailedErrorData = { sites: string[]; detail: string };
/** A worker crashed or Astro failed after the content was valid. */
export class BuildFailedError extends DomainError<BuildFailedErrorData> {
  static readonly code = 'BUILD_FAILED';
  constructor(sites: string[], detail: string) {
    super(BuildFailedError.code, { sites, detail }, `Dựng trang thất bại (${sites.join(', ')}):\n${detail}`);
  }
}

async function countEntries(root: string, site: string): Promise<number> {
  let n = 0;
  for (const section of SECTION_IDS) {
    const names = await readdir(path.join(root, 'content', site, section)).catch(() => [] as string[]);
    n += names.filter((x) => /\.mdx?$/.test(x)).length;
  }
  return n;
}

/** The sites in scope with their entry counts; unknown ids are content problems. */
async function plan(contentRoot: string, only: string[]): Promise<Record<string, number>> {
  const departments = await loadDepartments(contentRoot);
  const problems: ContentProblem[] = only
    .filter((id) => !departments.some((d) => d.id === id))
    .map((id) => ({ file: `sites/${id}.yaml`, kind: 'unknown-site', message: `Không có trang "${id}".` }));
  if (problems.length) throw new ContentInvalidError(problems);
  const ids = departments.map((d) => d.id).filter((id) => only.length === 0 || only.includes(id));
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = await countEntries(contentRoot, id);
  return counts;
}

interface Worker {
  index: number;
  sites: string[];
  child: ChildProcess;
  astroOut: string;
  searchOut: string;
  replies: WorkerReply[];
  waiters: Array<(r: WorkerReply) => void>;
}

interface WorkerOptions {
  contentRoot: string;
  projectRoot: string;
  workDir: string;
  precompress: boolean;
  liveDir: string;
}

async function startWorker(index: number, sites: string[], options: WorkerOptions): Promise<Worker> {
  const dir = path.join(options.workDir, `w${index}`);
  const astroOut = path.join(dir, 'astro');
  const env = {
    ...process.env,
    ...buildScopeToEnv({ contentRoot: options.contentRoot, sites }),
    CONGSO_ASTRO_OUT: astroOut,
    CONGSO_ASTRO_CACHE: path.join(dir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // cwd is the worker's own folder: Astro writes its prerender bundle under the cwd when outDir is outside it.
  await mkdir(dir, { recursive: true });
  const child = fork(fileURLToPath(new URL('./build-worker.ts', import.meta.url)), [], {
    env,
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const worker: Worker = {
    index,
    sites,
    child,
    astroOut,
    searchOut: path.join(dir, 'pagefind'),
    replies: [],
    waiters: [],
  };
  const deliver = (reply: WorkerReply) => {
    const waiter = worker.waiters.shift();
    if (waiter) waiter(reply);
    else worker.replies.push(reply);
  };
  child.on('message', (m) => deliver(m as WorkerReply));
  child.on('exit', (code, signal) =>
    deliver({ type: 'failed', message: `tiến trình dựng trang dừng (mã ${code ?? signal}).` }),
  );
  const start: WorkerRequest = {
    type: 'start',
    projectRoot: options.projectRoot,
    contentRoot: options.contentRoot,
    sites,
    astroOut,
    searchOut: worker.searchOut,
    viteCache: path.join(dir, 'vite'),
    precompress: options.precompress,
    liveDir: options.liveDir,
  };
  child.send(start);
  return worker;
}

function reply(worker: Worker): Promise<WorkerReply> {
  const queued = worker.replies.shift();
  if (queued) return Promise.resolve(queued);
  return new Promise((resolve) => worker.waiters.push(resolve));
}

function stopAll(workers: Worker[]): void {
  for (const w of workers) if (w.child.exitCode === null && !w.child.killed) w.child.kill();
}

/** `content/<site>/<section>/<slug>.mdx`: a problem there belongs to one entry. */
export const ENTRY_FILE = /^content\/[a-z0-9]+\/[a-z-]+\/[^/]+\.mdx?$/;
/** A required section left empty by an excluded entry is shown empty rather than stopping every publication. */
const TOLERATED_SITE_PROBLEMS = new Set(['missing-section']);

export function partitionProblems(problems: ContentProblem[]): {
  blocking: ContentProblem[];
  excluded: ContentProblem[];
} {
  const blocking: ContentProblem[] = [];
  const excluded: ContentProblem[] = [];
  for (const p of problems)
    (ENTRY_FILE.test(p.file) || TOLERATED_SITE_PROBLEMS.has(p.kind ?? '') ? excluded : blocking).push(p);
  return { blocking, excluded };
}

export async function buildSites(options: BuildSitesOptions): Promise<BuildSitesResult> {
  const t0 = performance.now();
  const contentRoot = path.resolve(options.contentRoot);
  const outDir = path.resolve(options.outDir);
  const workDir = path.resolve(options.workDir ?? path.join(PROJECT_ROOT, '.build'));
  const counts = await plan(contentRoot, options.sites ?? []);
  const triggeredBy = options.triggeredBy ?? `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
  const wentLive = new Set<string>();
  const groups = balanceGroups(counts, options.workers ?? Math.min(2, availableParallelism()));
  await mkdir(workDir, { recursive: true });
  const projectRoot = path.resolve(options.projectRoot ?? PROJECT_ROOT);
  const workers = await Promise.all(
    groups.map((sites, i) =>
      startWorker(i, sites, {
        contentRoot,
        projectRoot,
        precompress: options.precompress ?? true,
        workDir,
        liveDir: outDir,
      }),
    ),
  );
  try {
    const checked = await Promise.all(workers.map(reply));
    const problems: ContentProblem[] = [];
    const failures: string[] = [];
    const entries: Record<string, number> = {};
    for (const r of checked) {
      if (r.type === 'checked') {
        problems.push(...r.problems);
        Object.assign(entries, r.entries);
      } else if (r.type === 'failed') failures.push(r.message);
    }
    const { blocking, excluded } = options.excludeInvalidEntries
      ? partitionProblems(problems)
      : { blocking: problems, excluded: [] };
    if (blocking.length) throw new ContentInvalidError(blocking);
    if (failures.length) throw new BuildFailedError(Object.keys(counts), failures.join('\n'));
    const exclude = [...new Set(excluded.filter((p) => ENTRY_FILE.test(p.file)).map((p) => p.file))];
    const tCheck = performance.now();
    options.onProgress?.({
      type: 'checked',
      sites: Object.keys(entries).length,
      entries: Object.values(entries).reduce((a, b) => a + b, 0),
      workers: workers.length,
      seconds: (tCheck - t0) / 1000,
    });

    for (const w of workers) w.child.send({ type: 'go', exclude } satisfies WorkerRequest);
    const built = await Promise.all(
      workers.map(async (w) => {
        const r = await reply(w);
        if (r.type !== 'built')
          throw new BuildFailedError(w.sites, r.type === 'failed' ? r.message : 'kết quả không mong đợi');
        options.onProgress?.({
          type: 'rendered',
          worker: w.index,
          sites: w.sites,
          seconds: (performance.now() - tCheck) / 1000,
          astroSeconds: r.astroMs / 1000,
          indexSeconds: r.indexMs / 1000,
          compressSeconds: r.compressMs / 1000,
        });
        return r;
      }),
    );
    const tRender = performance.now();

    await removeLeftovers(outDir, Object.keys(counts));
    const commit = await currentCommit(contentRoot);
    const results: SiteBuildResult[] = [];
    const total = Object.keys(counts).length;
    for (const [wi, w] of workers.entries()) {
      const info = built[wi]!;
      if (info.type !== 'built') continue;
      const groupEntries = w.sites.reduce((n, s) => n + (entries[s] ?? 0), 0) || 1;
      for (const site of w.sites) {
        const tSite = performance.now();
        const staging = await stageSite(outDir, {
          site,
          pagesDir: path.join(w.astroOut, site),
          assetsDir: path.join(w.astroOut, '_astro'),
          searchDir: path.join(w.searchOut, site),
          mediaDir: path.join(contentRoot, 'content', site, 'tep'),
        });
        try {
          const { pages, bytes } = await measureSite(staging);
          const share = (entries[site] ?? 0) / groupEntries;
          const ms = share * info.totalMs + (performance.now() - tSite);
          const buildInfo: BuildInfo = {
            site,
            builtAt: new Date().toISOString(),
            pages,
            bytes,
            durationMs: Math.round(ms),
            entries: entries[site] ?? 0,
            commit,
          };
          await writeBuildInfo(staging, buildInfo);
          await swapIn(outDir, site, staging);
          const siteExcluded = excluded.filter((p) => p.file.startsWith(`content/${site}/`));
          await appendBuildRecord(outDir, {
            site,
            at: buildInfo.builtAt,
            triggeredBy,
            durationMs: buildInfo.durationMs,
            pages,
            entries: buildInfo.entries,
            commit,
            result: 'success',
            ...(siteExcluded.length ? { excluded: siteExcluded } : {}),
          });
          wentLive.add(site);
          const result = {
            site,
            excluded: siteExcluded,
            entries: entries[site] ?? 0,
            pages,
            bytes,
            seconds: ms / 1000,
          };
          results.push(result);
          options.onProgress?.({ type: 'published', index: results.length, total, site: result });
        } catch (error) {
          await rm(staging, { recursive: true, force: true });
          throw error;
        }
      }
    }
    const rss = built.map((b) => (b.type === 'built' ? b.peakRssBytes : 0));
    return {
      sites: results,
      seconds: (performance.now() - t0) / 1000,
      workers: workers.length,
      peakRssBytes: { max: Math.max(...rss), sum: rss.reduce((a, b) => a + b, 0) },
      workerCpuSeconds: built.reduce((n, b) => n + (b.type === 'built' ? b.cpuMs : 0), 0) / 1000,
      phases: {
        checkSeconds: (tCheck - t0) / 1000,
        renderSeconds: (tRender - tCheck) / 1000,
        publishSeconds: (performance.now() - tRender) / 1000,
      },
    };
  } catch (error) {
    // The live sites are untouched on failure; the history still records that the attempt failed.
    const code = (error as { code?: string }).code ?? 'BUILD_FAILED';
    const at = new Date().toISOString();
    const durationMs = Math.round(performance.now() - t0);
    for (const site of Object.keys(counts).filter((s) => !wentLive.has(s))) {
      await appendBuildRecord(outDir, {
        site,
        at,
        triggeredBy,
        durationMs,
        pages: null,
        entries: counts[site] ?? null,
        result: 'failure',
        errorCode: code,
      }).catch(() => {});
    }
    throw error;
  } finally {
    stopAll(workers);
  }
}

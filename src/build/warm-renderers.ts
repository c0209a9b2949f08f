import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentInvalidError, type ContentProblem } from '../content-source/problems.ts';
import { buildInstant } from '../content-source/timed-visibility.ts';
import { recentMainWrites } from '../content-source/main-writes.ts';
import { BuildFailedError, PROJECT_ROOT } from './build-sites.ts';
import { entryCacheFile } from './entry-cache.ts';
import { buildScopeToEnv } from './build-scope.ts';
import { DraftUnavailableError } from './draft-page.ts';
import { removeLeftovers } from './publish-site.ts';
import type { DraftRender, WarmMessage, WarmPublished, WarmReply } from './worker-protocol.ts';

/**
 * The server's warm renderers, one child process per site that publishes
 * (docs/adr/0047-warm-renderer-life-cycle.md). A renderer starts with the
 * site's first publication (a full Astro build), then serves the next ones
 * incrementally. At most `max` are kept, the least recently used one goes
 * first, and one that has been idle for `idleMs` stops. A renderer that
 * fails for any reason but the content is stopped, and the publication is
 * tried once more by a fresh one: a fresh renderer is a cold build.
 */
export interface WarmRenderersOptions {
  contentRoot: string;
  /** Where the live sites are: `dist/`. */
  outDir: string;
  /** Scratch space, inside the project (Astro's bundle imports its node_modules). */
  workDir?: string;
  projectRoot?: string;
  precompress?: boolean;
  /** Renderers kept at once (each holds a site's bundle and lists in memory); 2 by default, 0 for none. */
  max?: number;
  /** A renderer idle this long stops; 15 minutes by default. */
  idleMs?: number;
  /**
   * Where each site's parsed entries are kept for its next renderer (`<site>.bin`); inside `workDir` by default.
   * The server keeps them outside it, so the first renderer after a restart parses only what changed
   * (docs/adr/0118-parsed-entries-outlive-the-server.md).
   */
  entryCacheDir?: string;
}

export interface WarmRenderers {
  /** Checks, renders and puts one site live; throws leaving the live site untouched. */
  publish(site: string): Promise<WarmPublished>;
  /**
   * Waits until the site's search index is the one a full build writes: the
   * parts rewritten and no recent index (docs/adr/0110). A renderer does it by
   * itself shortly after a publication; tests and the bench call this.
   */
  settle(site: string): Promise<void>;
  /**
   * One draft's page, rendered by the site's own code and put nowhere
   * (docs/adr/0106). A site without a warm renderer gets one first, by a
   * publication of what is live: that changes nothing a citizen sees.
   */
  renderDraft(site: string, file: string, text: string): Promise<DraftRender>;
  /** Sites with a renderer running. */
  running(): string[];
  /** Whether renderers are kept at all (`max` above 0): starting one only to stop it is a wasted build. */
  keeps: boolean;
  /** The process id of a site's renderer, for logs and for the tests that kill it. */
  pid(site: string): number | undefined;
  close(): Promise<void>;
}

interface Renderer {
  site: string;
  child: ChildProcess;
  dir: string;
  lastUsed: number;
  idle?: NodeJS.Timeout;
  pending: Map<number, { resolve: (r: WarmReply) => void }>;
}

export function createWarmRenderers(options: WarmRenderersOptions): WarmRenderers {
  const contentRoot = path.resolve(options.contentRoot);
  const outDir = path.resolve(options.outDir);
  const workDir = path.resolve(options.workDir ?? path.join(PROJECT_ROOT, '.build', `warm-${process.pid}`));
  const entryCacheDir = path.resolve(options.entryCacheDir ?? path.join(workDir, 'entry-cache'));
  const projectRoot = path.resolve(options.projectRoot ?? PROJECT_ROOT);
  const max = options.max ?? 2;
  const idleMs = options.idleMs ?? 15 * 60_000;
  const renderers = new Map<string, Renderer>();
  let nextId = 1;
  let generation = 0;

  /** Resolves when the child has exited; one that has not within ten seconds is killed. */
  function exited(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  function stop(r: Renderer): void {
    if (renderers.get(r.site) === r) renderers.delete(r.site);
    clearTimeout(r.idle);
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill();
    for (const { resolve } of r.pending.values())
      resolve({ type: 'failed', id: 0, message: 'tiến trình dựng trang đã dừng.' });
    r.pending.clear();
  }

  async function start(site: string): Promise<Renderer> {
    // Least recently used first, so a department that publishes all day keeps its renderer; never one that is publishing.
    const idle = [...renderers.values()].filter((r) => r.pending.size === 0).sort((a, b) => a.lastUsed - b.lastUsed);
    while (renderers.size >= max && idle.length) stop(idle.shift()!);
    const dir = path.join(workDir, `${site}-${++generation}`);
    await mkdir(dir, { recursive: true });
    await mkdir(entryCacheDir, { recursive: true });
    const env = {
      ...process.env,
      ...buildScopeToEnv({ contentRoot, sites: [site] }),
      CONGSO_ASTRO_OUT: path.join(dir, 'astro'),
      CONGSO_ASTRO_CACHE: path.join(dir, 'cache'),
      CONGSO_PROJECT_ROOT: projectRoot,
      // Parsed entries outlive a renderer: the next one of this site re-parses only what changed.
      CONGSO_ENTRY_CACHE: entryCacheFile(entryCacheDir, site),
      ASTRO_TELEMETRY_DISABLED: '1',
      // Staging a publication is thousands of links and a few directories: more threads for the file system.
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
    };
    // cwd is the renderer's own folder: Astro writes its prerender bundle under the cwd when outDir is outside it.
    const child = fork(fileURLToPath(new URL('./warm-renderer.ts', import.meta.url)), [], {
      env,
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const r: Renderer = { site, child, dir, lastUsed: Date.now(), pending: new Map() };
    child.on('message', (m) => {
      const reply = m as WarmReply;
      r.pending.get(reply.id)?.resolve(reply);
      r.pending.delete(reply.id);
    });
    child.on('exit', (code, signal) => {
      for (const { resolve } of r.pending.values())
        resolve({ type: 'failed', id: 0, message: `tiến trình dựng trang dừng (mã ${code ?? signal}).` });
      r.pending.clear();
      if (renderers.get(site) === r) renderers.delete(site);
      rm(dir, { recursive: true, force: true }).catch(() => undefined);
    });
    renderers.set(site, r);
    return r;
  }

  function ask(r: Renderer, draft?: { file: string; text: string }): Promise<WarmReply> {
    const id = nextId++;
    const builtAt = buildInstant().getTime();
    return call(
      r,
      draft
        ? { type: 'render-draft', id, ...draft, builtAt }
        : {
            type: 'publish',
            id,
            liveDir: path.join(outDir, site(r)),
            outDir,
            precompress: options.precompress ?? true,
            builtAt,
            writes: recentMainWrites(),
          },
    );
  }

  function call(r: Renderer, request: WarmMessage): Promise<WarmReply> {
    const id = request.id;
    // Referenced only while a publication waits: an idle renderer never keeps the server (or a test) from exiting.
    r.child.ref();
    r.child.channel?.ref();
    return new Promise<WarmReply>((resolve) => {
      r.pending.set(id, { resolve });
      r.child.send(request);
    }).finally(() => {
      r.child.unref();
      r.child.channel?.unref();
    });
  }
  const site = (r: Renderer) => r.site;

  async function attempt(name: string, fresh: boolean): Promise<WarmPublished> {
    let r = renderers.get(name);
    if (r && fresh) {
      stop(r);
      r = undefined;
    }
    r ??= await start(name);
    clearTimeout(r.idle);
    r.lastUsed = Date.now();
    const reply = await ask(r);
    if (reply.type === 'published') {
      const kept = r;
      // More renderers than allowed (all were busy when this one started, or none are kept): this one goes.
      if (renderers.size > max) stop(kept);
      kept.idle = setTimeout(() => stop(kept), idleMs);
      kept.idle.unref();
      // For the benches: where a publication's time went.
      if (process.env.CONGSO_BUILD_TIMINGS)
        console.error(
          `[${name}] ${reply.result.mode}: ${reply.result.rendered} rendered, ${reply.result.removed} removed, search ${reply.result.search ?? 'full'}`,
          JSON.stringify(reply.result.phases),
        );
      return reply.result;
    }
    if (reply.type !== 'failed') throw new BuildFailedError([name], `unexpected ${reply.type}`);
    if (reply.code === ContentInvalidError.code)
      throw new ContentInvalidError((reply.data as { problems: ContentProblem[] }).problems);
    stop(r);
    throw new BuildFailedError([name], reply.message);
  }

  async function publishNow(name: string): Promise<WarmPublished> {
    await mkdir(outDir, { recursive: true });
    const wasWarm = renderers.has(name);
    // A running renderer cleans up after itself, and may be swapping its search index in right now (docs/adr/0110).
    if (!wasWarm) await removeLeftovers(outDir, [name]);
    try {
      return await attempt(name, false);
    } catch (error) {
      if (error instanceof ContentInvalidError || !wasWarm) throw error;
      if (process.env.CONGSO_BUILD_TIMINGS) console.error(`[${name}] renderer failed, starting afresh:`, error);
      // The renderer is gone: a fresh one renders the whole site (a cold build) and is right whatever went wrong.
      return attempt(name, true);
    }
  }

  async function draftNow(name: string, file: string, text: string): Promise<DraftRender> {
    if (!renderers.has(name)) await publishNow(name);
    const r = renderers.get(name);
    // No renderer is kept (`max` 0) or the site's pages cannot be rendered alone (ADR 0047): no draft either.
    if (!r) throw new DraftUnavailableError({ site: name, detail: 'no renderer is kept' });
    clearTimeout(r.idle);
    r.lastUsed = Date.now();
    const reply = await ask(r, { file, text });
    r.idle = setTimeout(() => stop(r), idleMs);
    r.idle.unref();
    if (reply.type === 'drafted') return reply.result;
    throw new DraftUnavailableError({ site: name, detail: reply.type === 'failed' ? reply.message : reply.type });
  }

  /** A site's publications and drafts run one after another, in the order asked. */
  // By site, not by renderer: two drafts asked of a site whose renderer is not started yet must not start two.
  const chains = new Map<string, Promise<unknown>>();
  function queued<T>(name: string, run: () => Promise<T>): Promise<T> {
    const result = (chains.get(name) ?? Promise.resolve()).then(run, run);
    const tail = result.catch(() => undefined);
    chains.set(name, tail);
    tail.then(() => {
      if (chains.get(name) === tail) chains.delete(name);
    });
    return result;
  }

  return {
    publish: (name) => queued(name, () => publishNow(name)),
    renderDraft: (name, file, text) => queued(name, () => draftNow(name, file, text)),
    async settle(name) {
      const r = renderers.get(name);
      if (!r) return;
      const reply = await call(r, { type: 'settle', id: nextId++ });
      if (reply.type === 'failed') throw new BuildFailedError([name], reply.message);
    },
    running: () => [...renderers.keys()],
    keeps: max > 0,
    pid: (name) => renderers.get(name)?.child.pid,
    async close() {
      const running = [...renderers.values()];
      for (const r of running) stop(r);
      // A renderer may be swapping its search index in (docs/adr/0110): it finishes, then exits; never left half-way.
      await Promise.all(running.map((r) => exited(r.child)));
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

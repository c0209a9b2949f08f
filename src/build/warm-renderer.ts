import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { checkContent } from '../checks/content-checks.ts';
import { ENTRY_MEMO_KEY, EXCLUDED_ENTRIES_KEY, type Entry } from '../content-source/entries.ts';
import { ContentInvalidError } from '../content-source/problems.ts';
import { type MainWrite, writtenBetween, writtenUnder } from '../content-source/main-writes.ts';
import { folderKey, type TextsRead } from '../content-source/read-files.ts';
import { ENTRY_FILE, partitionProblems } from './build-sites.ts';
import { currentCommit } from './commit.ts';
import { loadEntryCache, saveEntryCache } from './entry-cache.ts';
import { type Digests, dependencyDigests, planRender } from './page-dependencies.ts';
import { PageReaders } from './page-readers.ts';
import { type PrerenderApp, SitePaths } from './site-paths.ts';
import { precompressTree } from './precompress.ts';
import {
  BUILD_INFO_FILE,
  type BuildInfo,
  measureSite,
  stageIncremental,
  stageSite,
  swapIn,
  writeBuildInfo,
} from './publish-site.ts';
import { catchUp, pruneEmpty, type SiteChange, type SpareSite } from './spare-site.ts';
import type { MediaSeen } from './site-media.ts';
import { installRenderHooks, type LiveEntry, type RenderHooks } from './render-hooks.ts';
import { searchRecord } from './search-records.ts';
import { searchCompactor } from './search-compaction.ts';
import { baseRecords, partDigests, planRecent, recordDigests, type SearchBase } from './search-delta.ts';
import {
  partIds,
  partUrls,
  RECENT_DIR,
  replacedByParts,
  replacedByRecent,
  SHARDS_FILE,
  searchShards,
  shardDir,
  shardOf,
  writeRecentIndex,
  writeSearchIndex,
  writeShardsFile,
} from './search-index.ts';
import type { WarmMessage, WarmPublished, WarmReply, WarmRequest } from './worker-protocol.ts';
import { renderDraftPage } from './draft-page.ts';

type PublishRequest = Extract<WarmRequest, { type: 'publish' }>;

/**
 * The warm renderer of one site: a child process the server keeps between
 * publications (docs/adr/0047-warm-renderer-life-cycle.md). Its first
 * publication runs Astro's build as a cold build does, and keeps what Astro
 * loaded: the prerender bundle, its route table and src/content.ts's lists.
 * Each later publication checks the content (only changed files are parsed),
 * hands the entries to src/content.ts, renders the pages whose inputs changed
 * (src/build/page-dependencies.ts, docs/adr/0046), rebuilds the search index
 * from the entries in memory, compresses the new files only and swaps the site
 * in from hard links to the live one plus the new files.
 */
const site = process.env.CONGSO_SITES ?? '';
const contentRoot = process.env.CONGSO_CONTENT_ROOT ?? '';
const astroOut = process.env.CONGSO_ASTRO_OUT ?? '';
const projectRoot = process.env.CONGSO_PROJECT_ROOT ?? '';
const dir = process.cwd();

const pageReads = new AsyncLocalStorage<Set<string>>();
let entries: Entry[] = [];

/** What src/content.ts gets of an entry, kept with it: the check hands back the same object while its file is unchanged (docs/adr/0115). */
const liveEntries = new WeakMap<Entry, LiveEntry>();
const toLive = (e: Entry): LiveEntry => {
  let known = liveEntries.get(e);
  if (!known)
    liveEntries.set(
      e,
      (known = { section: e.section, data: { ...e.data, site: e.site, slug: e.slug, text: e.text }, html: e.html }),
    );
  return known;
};
const hooks: RenderHooks = {
  generation: 1,
  now: new Date(),
  entries: () => entries.map(toLive),
  read: (key) => pageReads.getStore()?.add(key),
};
installRenderHooks(hooks);

interface Page {
  route: RouteData;
  reads: Set<string>;
}

interface Warm {
  prerenderer: AstroPrerenderer & { app?: PrerenderApp };
  /** The site's paths, with the pathnames Astro made of them kept between publications. */
  paths: SitePaths;
  origin: string;
  pages: Map<string, Page>;
  /** Who read what among `pages`: a publication's stale pages come from its changed keys (docs/adr/0114). */
  readers: PageReaders;
  digests: Digests;
  /** Digest of the search records of each part of the index: a part is rewritten only when its records change. */
  search: string[];
  /** The records the parts hold and their Pagefind ids; what the live recent index holds ('' when none) (docs/adr/0110). */
  base: SearchBase;
  recentKey: string;
  /** Digest of `sites/`: a department's facts are on every page. */
  sites: string;
  /** The `build-info.json` this renderer last put live: anything else there means someone else built the site. */
  liveInfo: string;
}
let warm: Warm | null = null;

async function sitesDigest(): Promise<string> {
  const h = createHash('sha256');
  const names = (await readdir(path.join(contentRoot, 'sites'))).sort();
  for (const name of names)
    h.update(name).update(await readFile(path.join(contentRoot, 'sites', name)).catch(() => ''));
  return h.digest('base64url');
}

/** Where Astro writes a path (directory format, docs/adr/0001): relative to the site's folder. */
function fileOf(pathname: string, route: RouteData): string {
  const rel = decodeURI(pathname).replace(/^\/+/, '').split('/').slice(1).join('/');
  return route.type === 'endpoint' ? rel : path.posix.join(rel, 'index.html');
}

/**
 * The texts of the site's files and its section folders as the last check loaded them, and the commit of `main` they
 * are (docs/adr/0115, 0123).
 */
let lastRead: { commit: string; texts: TextsRead; folders: Map<string, unknown> } | undefined;

/**
 * The site's problems and the entries to render. Following the publication gate's record of what each commit
 * wrote, only the paths written since the last check are read again, and a section folder nothing was written
 * under is taken as the last check loaded it; without a record linking the last check's commit to the checkout's,
 * every file is looked at (docs/adr/0115, 0123).
 */
async function check(
  writes?: readonly MainWrite[],
): Promise<Pick<WarmPublished, 'excluded' | 'readAgain' | 'loadedAgain' | 'checkedByGate'> & { list: Entry[] }> {
  const commit = await currentCommit(contentRoot);
  const written = lastRead && commit && writes ? writtenBetween(writes, lastRead.commit, commit) : undefined;
  const known = written && lastRead;
  // Kept from one check to the next while the record links them: what was written since is read again.
  const texts: TextsRead = known ? known.texts : new Map();
  for (const rel of written ?? []) texts.delete(rel);
  const folders = new Map<string, unknown>();
  // A check that fails leaves nothing to follow: the next one looks at every file.
  lastRead = undefined;
  // The gate checked this very commit of this site as a build does: its problems stand for the checks across entries.
  const gate = commit ? writes?.findLast((w) => w.to === commit)?.checked : undefined;
  const checked = gate?.site === site ? gate.problems : undefined;
  const report = await checkContent(
    contentRoot,
    [site],
    {
      read: texts,
      unchanged: known ? (rel) => (written.has(rel) ? undefined : known.texts.get(rel)) : undefined,
      folders: known?.folders,
      unchangedFolder: known ? (dir) => !writtenUnder(written, dir) : undefined,
      loaded: folders,
    },
    checked,
  );
  if (commit) lastRead = { commit, texts, folders };
  const { blocking, excluded } = partitionProblems(report.problems);
  if (blocking.length) throw new ContentInvalidError(blocking);
  const files = new Set(excluded.filter((p) => ENTRY_FILE.test(p.file)).map((p) => p.file));
  (globalThis as Record<symbol, unknown>)[EXCLUDED_ENTRIES_KEY] = files;
  return {
    excluded,
    list: (report.sites[0]?.entries ?? []).filter((e) => !files.has(e.file)),
    ...(known
      ? {
          readAgain: written.size,
          loadedAgain: [...folders].filter(
            ([key, loaded]) => key.startsWith(folderKey('entries', '')) && known.folders.get(key) !== loaded,
          ).length,
        }
      : {}),
    ...(checked ? { checkedByGate: true as const } : {}),
  };
}

/** Files identical to the live site's keep its compressed copies. */
const liveCounterpart = (tree: string, liveDir: string, under: string) => (file: string) => {
  const [first, ...rest] = path.relative(tree, file).split(path.sep);
  return first === site && rest.length ? path.join(liveDir, under, ...rest) : null;
};

async function putLive(
  request: PublishRequest,
  staging: string,
  started: number,
  later = false,
  /** The counts from the live ones and what changed, instead of a walk over every file (docs/adr/0046). */
  measured?: (staging: string) => Promise<{ pages: number; bytes: number }>,
  /** Where the staged version differs from the live one: the replaced version is kept as the next spare (docs/adr/0113). */
  change?: SiteChange,
): Promise<{ info: BuildInfo; text: string; pages: number; bytes: number }> {
  const { pages, bytes } = (await measured?.(staging)) ?? (await measureSite(staging));
  const info: BuildInfo = {
    site,
    builtAt: new Date().toISOString(),
    pages,
    bytes,
    durationMs: Math.round(performance.now() - started),
    entries: entries.length,
    commit: await currentCommit(contentRoot),
  };
  await writeBuildInfo(staging, info);
  const old = await swapIn(request.outDir, site, staging, { keepOld: later });
  dropSpare();
  if (old && change) {
    spare = { dir: old, behind: change };
    catchUpLater(request.liveDir);
  }
  // The old version is no longer served: remove it after answering.
  else if (old) setImmediate(() => rm(old, { recursive: true, force: true }).catch(() => undefined));
  return { info, text: await readFile(path.join(request.liveDir, BUILD_INFO_FILE), 'utf8'), pages, bytes };
}

/** The version the last publication replaced, kept to become the next one (docs/adr/0113). */
let spare: SpareSite | undefined;
/** What the live `tep/` was made from, once a publication of this renderer made it; taken by the next one. */
let liveMedia: MediaSeen | undefined;
function takeSpare(): SpareSite | undefined {
  const taken = spare;
  spare = undefined;
  return taken;
}
/**
 * Brings the spare up to the live site once the publication that made it is live, in the queue, so the next
 * publication fixes only its own paths (docs/adr/0115): after a deletion that moved 200 archive pages, that was
 * 250 ms of the next publication.
 */
function catchUpLater(liveDir: string): void {
  void serially(async () => {
    const kept = takeSpare();
    if (!kept) return;
    try {
      const emptied = await catchUp(kept.dir, liveDir, kept.behind, { files: [], trees: [] });
      await pruneEmpty(kept.dir, emptied);
      spare = { dir: kept.dir, behind: { files: [], trees: [] } };
    } catch {
      await rm(kept.dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }).catch(() => undefined);
}
function dropSpare(): void {
  const dropped = takeSpare();
  if (dropped) setImmediate(() => rm(dropped.dir, { recursive: true, force: true }).catch(() => undefined));
}

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => null,
  );
const bytesOf = async (tree: string) => {
  const s = await stat(tree).catch(() => null);
  if (!s) return 0;
  return s.isDirectory() ? (await measureSite(tree)).bytes : s.size;
};

/** Pages and bytes of the staged site from the live site's and the files that changed, as `measureSite` would count them. */
async function measureChange(
  liveDir: string,
  staging: string,
  liveInfo: string,
  rendered: string[],
  removed: string[],
  /** Paths inside the site replaced as a whole: the search index's, `tep/`. */
  trees: string[],
) {
  let { pages, bytes } = JSON.parse(liveInfo) as BuildInfo;
  for (const rel of rendered) {
    const before = await sizeOf(path.join(liveDir, rel));
    bytes += ((await sizeOf(path.join(staging, rel))) ?? 0) - (before ?? 0);
    if (before === null && rel.endsWith('.html')) pages += 1;
  }
  for (const rel of removed) {
    const before = await sizeOf(path.join(liveDir, rel));
    bytes -= before ?? 0;
    if (before !== null && rel.endsWith('.html')) pages -= 1;
  }
  for (const tree of trees)
    bytes += (await bytesOf(path.join(staging, tree))) - (await bytesOf(path.join(liveDir, tree)));
  return { pages, bytes };
}

/**
 * The moment this publication shows the site as of, for the pages (`hooks.now`)
 * and for the check's view of timed entries (`buildInstant`, docs/adr/0049):
 * the server's clock, not this process's.
 */
function showSiteAsOf(builtAt: number): void {
  process.env.CONGSO_BUILD_AT = String(builtAt);
}

/** First publication: Astro's own build, with a prerenderer that keeps the bundle and records what each page read. */
async function full(request: PublishRequest, started: number): Promise<WarmPublished> {
  showSiteAsOf(request.builtAt);
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    phases[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const cacheFile = process.env.CONGSO_ENTRY_CACHE ?? path.join(dir, 'entry-cache.bin');
  const memo = await loadEntryCache(cacheFile);
  (globalThis as Record<symbol, unknown>)[ENTRY_MEMO_KEY] = memo;
  const { excluded, list } = await check();
  entries = list;
  hooks.now = new Date(request.builtAt);
  lap('check');
  const searchOut = path.join(dir, 'pagefind');
  await rm(searchOut, { recursive: true, force: true });
  const indexing = writeSearchIndex(site, entries, path.join(searchOut, site));
  indexing.catch(() => undefined);
  // The records as indexed, before Astro renders anything with them (docs/adr/0110).
  const records = recordDigests(entries);
  const indexed = baseRecords(records);
  const search = partDigests(records);

  const pages = new Map<string, Page>();
  let kept: Warm['prerenderer'] | undefined;
  let origin = 'http://localhost:4321';
  const keep = (def: AstroPrerenderer): AstroPrerenderer => {
    kept = def;
    return {
      name: 'congso:warm-renderer',
      setup: () => {
        // Vite's bundling is over when the prerenderer is set up: the rest of Astro's time is rendering pages.
        phases.bundle = Math.round(performance.now() - t);
        return def.setup?.() ?? Promise.resolve();
      },
      getStaticPaths: () => def.getStaticPaths(),
      render(request, options) {
        const url = new URL(request.url);
        origin = url.origin;
        const reads = new Set<string>();
        pages.set(decodeURI(url.pathname), { route: options.routeData, reads });
        return pageReads.run(reads, () => def.render(request, options));
      },
      async teardown() {
        // Astro deletes its bundle after this: load every page module now, for routes that had no page yet.
        const app = (
          def as {
            app?: {
              manifest: { routes: Array<{ routeData: RouteData }> };
              getComponentByRoute(r: RouteData): Promise<unknown>;
            };
          }
        ).app;
        for (const { routeData } of app?.manifest.routes ?? [])
          if (routeData.prerender) await app?.getComponentByRoute(routeData).catch(() => undefined);
        await def.teardown?.();
        phases.prerender = Math.round(performance.now() - t - phases.bundle!);
      },
    };
  };
  const integration: AstroIntegration = {
    name: 'congso-warm-renderer',
    hooks: { 'astro:build:start': ({ setPrerenderer }) => setPrerenderer(keep) },
  };
  const { build } = await import('astro');
  await build({
    root: projectRoot,
    logLevel: 'warn',
    mode: 'production',
    vite: { cacheDir: path.join(dir, 'vite') },
    integrations: [integration],
  });
  lap('astro');
  await saveEntryCache(
    cacheFile,
    memo,
    entries.map((e) => e.file),
  );
  await indexing;
  const base: SearchBase = {
    records: indexed,
    ids: await partIds(
      path.join(searchOut, site),
      search.map((_, i) => i),
    ),
  };
  lap('search');
  if (request.precompress) {
    await precompressTree(astroOut, { liveCounterpart: liveCounterpart(astroOut, request.liveDir, '') });
    await precompressTree(searchOut, { liveCounterpart: liveCounterpart(searchOut, request.liveDir, 'pagefind') });
  }
  lap('compress');
  const staging = await stageSite(request.outDir, {
    site,
    pagesDir: path.join(astroOut, site),
    assetsDir: path.join(astroOut, '_astro'),
    searchDir: path.join(searchOut, site),
    mediaDir: path.join(contentRoot, 'content', site, 'tep'),
  });
  lap('stage');
  let live: Awaited<ReturnType<typeof putLive>>;
  try {
    live = await putLive(request, staging, started);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  lap('swap');
  // Without Astro's build app (its route cache, its page modules), a fresh renderer does a full build (ADR 0047).
  const app = kept?.app;
  if (hooks.used && kept && app?.routeCache) {
    const readers = new PageReaders();
    for (const [p, page] of pages) readers.set(p, page.reads);
    warm = {
      readers,
      prerenderer: kept,
      paths: new SitePaths(app),
      origin,
      pages,
      digests: dependencyDigests(site, entries, hooks.now),
      search,
      base,
      recentKey: '',
      sites: await sitesDigest(),
      liveInfo: live.text,
    };
  }
  return {
    site,
    mode: 'full',
    excluded,
    entries: entries.length,
    pages: live.pages,
    bytes: live.bytes,
    rendered: pages.size,
    removed: 0,
    builtAt: live.info.builtAt,
    commit: live.info.commit,
    phases,
    totalMs: Math.round(performance.now() - started),
  };
}

interface SearchUpdate {
  /** Settles when the new search files are written. */
  written: Promise<unknown>;
  /** Which live files under `pagefind/` they replace; absent when the index is unchanged. */
  replaces?: (rel: string) => boolean;
  /** Paths inside the site whose size changes, for the build record. */
  trees: string[];
  mode: NonNullable<WarmPublished['search']>;
  /** What the renderer knows of the index once this publication is live. */
  state: Promise<Pick<Warm, 'search' | 'base' | 'recentKey'>>;
}

/**
 * A publication's change to the search index (docs/adr/0110): a small index
 * of the records changed since the parts were written, which the search page
 * merges, with the parts' records it replaces hidden; the parts themselves
 * when the change is large, the number of parts changed, or every page is
 * rendered again.
 */
function updateSearch(state: Warm, everything: boolean, out: string): SearchUpdate {
  const current = recordDigests(entries);
  const search = partDigests(current);
  const sameParts = !everything && search.length === state.search.length;
  const recent = sameParts ? planRecent(state.base, current) : null;
  if (recent) {
    if (recent.key === state.recentKey) {
      const unchanged = { search: state.search, base: state.base, recentKey: state.recentKey };
      return { written: Promise.resolve(), trees: [], mode: 'unchanged', state: Promise.resolve(unchanged) };
    }
    const written = (async () => {
      const languages = recent.recent.length ? await writeRecentIndex(site, recent.recent, out) : [];
      await writeShardsFile(out, {
        parts: partUrls(search.length),
        ...(languages.length ? { recent: { url: `/pagefind/${RECENT_DIR}/`, languages } } : {}),
        ...(recent.superseded.length ? { superseded: recent.superseded } : {}),
      });
    })();
    written.catch(() => undefined);
    return {
      written,
      replaces: replacedByRecent,
      mode: 'recent',
      trees: [`pagefind/${RECENT_DIR}`, `pagefind/${SHARDS_FILE}`],
      state: written.then(() => ({ search: state.search, base: state.base, recentKey: recent.key })),
    };
  }
  // The parts whose records changed; all of them when the number of parts changed (docs/adr/0046).
  const parts = new Set(search.map((_, i) => i).filter((i) => !sameParts || search[i] !== state.search[i]));
  // The ids are read from the files before the publication moves them into the site.
  const written = writeSearchIndex(site, entries, out, sameParts ? parts : undefined).then(() =>
    nextBase(state.base, current, out, parts, search.length),
  );
  written.catch(() => undefined);
  return {
    written,
    // A new number of parts replaces the whole index, the parts that are no longer among them too.
    replaces: sameParts ? replacedByParts(parts) : () => true,
    trees: ['pagefind'],
    mode: 'parts',
    state: written.then((base) => ({ search, base, recentKey: '' })),
  };
}

/** The index's records and ids once these parts, written in `out`, are live. */
async function nextBase(
  base: SearchBase,
  current: ReturnType<typeof recordDigests>,
  out: string,
  parts: ReadonlySet<number>,
  count: number,
): Promise<SearchBase> {
  const ids = new Map([...base.ids].filter(([url]) => !parts.has(shardOf(url, count))));
  for (const [url, id] of await partIds(out, parts)) ids.set(url, id);
  return { records: baseRecords(current), ids };
}

/** The publication the renderer last put live: its folders, for the compaction that follows it. */
let lastRequest: PublishRequest | undefined;
/** Counts publications: a compaction written for an earlier one is thrown away. */
let publications = 0;
const COMPACT_AFTER_MS = Number(process.env.CONGSO_SEARCH_COMPACT_MS ?? 2000);
const compactor = searchCompactor();
let compactTimer: NodeJS.Timeout | undefined;
/** Rewrites stopped for a publication: their failure is expected, not reported. */
let cancels = 0;

function compactLater(): void {
  clearTimeout(compactTimer);
  compactTimer = setTimeout(() => {
    const at = cancels;
    compactSearch().catch((error) => {
      // Cancelled for a publication, which schedules the next rewrite itself.
      if (cancels === at) console.error(`[${site}] search compaction failed:`, error);
    });
  }, COMPACT_AFTER_MS);
}

/**
 * Rewrites the parts of the index whose records changed since they were
 * written, on the compaction thread, then swaps them in without the recent
 * index, as a publication would (docs/adr/0110). A publication meanwhile
 * wins: this one is thrown away and the next is scheduled after it.
 */
async function compactSearch(): Promise<void> {
  const state = warm;
  const request = lastRequest;
  if (!state || !request || !state.recentKey) return;
  const started = performance.now();
  // Taken in the queue: a draft being drawn is among the entries only inside it (docs/adr/0106).
  const { at, list } = await serially(async () => ({ at: publications, list: entries }));
  const current = recordDigests(list);
  const search = partDigests(current);
  const same = search.length === state.search.length;
  const parts = new Set(search.map((_, i) => i).filter((i) => !same || search[i] !== state.search[i]));
  // Named `pagefind` like every search bundle: its files are compressed as the long-lived ones they are (precompress.ts).
  const tree = path.join(dir, 'compaction', 'pagefind');
  const out = path.join(tree, site);
  await rm(tree, { recursive: true, force: true });
  const shards = searchShards(list);
  await compactor.write({
    site,
    parts: [...parts].map((i) => ({ dir: path.join(out, shardDir(i)), records: shards[i]!.map(searchRecord) })),
  });
  await writeShardsFile(out, { parts: partUrls(search.length) });
  await serially(async () => {
    const liveInfo = await readFile(path.join(request.liveDir, BUILD_INFO_FILE), 'utf8').catch(() => '');
    if (publications !== at || warm !== state || !state.recentKey || liveInfo !== state.liveInfo) {
      await rm(tree, { recursive: true, force: true });
      return;
    }
    const base = await nextBase(state.base, current, out, parts, search.length);
    if (request.precompress)
      await precompressTree(tree, { liveCounterpart: liveCounterpart(tree, request.liveDir, 'pagefind') });
    const empty = path.join(dir, 'rendered-none');
    const staged = await stageIncremental(request.outDir, {
      site,
      liveDir: request.liveDir,
      renderedDir: empty,
      rendered: [],
      removed: [],
      searchDir: out,
      // A new number of parts replaces the whole index, the parts that are no longer among them too.
      searchReplaces: same ? replacedByParts(parts) : () => true,
      spare: takeSpare(),
    });
    let live: Awaited<ReturnType<typeof putLive>>;
    try {
      live = await putLive(
        request,
        staged.dir,
        started,
        true,
        (d) => measureChange(request.liveDir, d, state.liveInfo, [], [], ['pagefind']),
        staged.change,
      );
    } catch (error) {
      await rm(staged.dir, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(tree, { recursive: true, force: true });
    }
    Object.assign(state, { search, base, recentKey: '', liveInfo: live.text });
  });
}

/** Publications and compactions put the site live one at a time. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** Later publications: render what changed, in this process, and swap it in beside the unchanged files. */
async function incremental(request: PublishRequest, state: Warm, started: number): Promise<WarmPublished> {
  showSiteAsOf(request.builtAt);
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    phases[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const { excluded, list, readAgain, loadedAgain, checkedByGate } = await check(request.writes);
  const sites = await sitesDigest();
  const liveInfo = await readFile(path.join(request.liveDir, BUILD_INFO_FILE), 'utf8').catch(() => '');
  // Someone else put this site live (a CLI build, another instance), or a department's facts changed: render every page.
  const everything = sites !== state.sites || liveInfo !== state.liveInfo;
  entries = list;
  hooks.generation += 1;
  hooks.now = new Date(request.builtAt);
  const digests = dependencyDigests(site, entries, hooks.now);
  lap('check');

  // The paths the site has now, and Astro's route cache refilled with this generation's answers (ADR 0121).
  const paths = await state.paths.list();
  const plan = everything
    ? { render: [...paths.keys()], remove: [...state.readers.paths()].filter((p) => !paths.has(p)) }
    : planRender(state.readers, paths, state.digests, digests);
  lap('plan');

  const renderedDir = path.join(dir, 'rendered');
  await rm(renderedDir, { recursive: true, force: true });
  const searchOut = path.join(dir, 'pagefind');
  await rm(searchOut, { recursive: true, force: true });
  // Pagefind indexes in its own process, from the records in memory: run it while the pages render.
  const searching = updateSearch(state, everything, path.join(searchOut, site));
  const indexing = searching.written;
  const newSearch = !!searching.replaces;
  const pages = new Map(state.pages);
  const rendered = plan.render.map((p) => fileOf(p, paths.get(p)!));
  const removed = plan.remove.map((p) => fileOf(p, state.pages.get(p)!.route));
  // Compressing the new pages, finishing the index and linking the unchanged files overlap: CPU, a helper process, metadata.
  const compress = (tree: string, under: string) =>
    request.precompress
      ? precompressTree(tree, { liveCounterpart: liveCounterpart(tree, request.liveDir, under) })
      : Promise.resolve();
  const renderedAll = Promise.withResolvers<void>();
  const ready = renderedAll.promise.then(() =>
    Promise.all([
      compress(renderedDir, ''),
      indexing.then(async () => {
        if (newSearch) await compress(searchOut, 'pagefind');
      }),
    ]),
  );
  ready.then(
    () => (phases.readyAfterRender = Math.round(performance.now() - t)),
    () => undefined,
  );
  indexing.then(
    () => (phases.indexAfterRender = Math.round(performance.now() - t)),
    () => undefined,
  );
  const mediaDir = path.join(contentRoot, 'content', site, 'tep');
  const searchDir = newSearch ? path.join(searchOut, site) : undefined;
  // The unchanged files are linked while the pages render: which files change is known from the plan.
  const linking = everything
    ? undefined
    : stageIncremental(request.outDir, {
        site,
        liveDir: request.liveDir,
        renderedDir: path.join(renderedDir, site),
        rendered,
        removed,
        searchReplaces: searching.replaces,
        searchDir,
        mediaDir,
        ready,
        spare: takeSpare(),
        media: liveMedia,
      });
  liveMedia = undefined;
  linking?.catch(() => undefined);
  try {
    for (const pathname of plan.render) {
      const route = paths.get(pathname)!;
      const reads = new Set<string>();
      const request = new Request(new URL(pathname, state.origin));
      const result = await pageReads.run(reads, () => state.prerenderer.render(request, { routeData: route }));
      const response = result instanceof Response ? result : result.response;
      if (response.status !== 200 || !response.body) throw new Error(`${pathname}: ${response.status}`);
      const file = path.join(renderedDir, site, fileOf(pathname, route));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      pages.set(pathname, { route, reads });
    }
  } catch (error) {
    // The staging folder is removed by stageIncremental when what it waits for fails.
    renderedAll.reject(error);
    await linking?.catch(() => undefined);
    throw error;
  }
  renderedAll.resolve();
  for (const p of plan.remove) pages.delete(p);
  lap('render');
  const staged = linking
    ? await linking
    : await ready.then(async () => ({
        dir: await stageSite(request.outDir, {
          site,
          pagesDir: path.join(renderedDir, site),
          assetsDir: path.join(astroOut, '_astro'),
          searchDir,
          mediaDir,
        }),
        change: undefined,
        media: undefined,
      }));
  const staging = staged.dir;
  const searchState = await searching.state;
  lap('stage');
  let live: Awaited<ReturnType<typeof putLive>>;
  try {
    live = await putLive(
      request,
      staging,
      started,
      true,
      everything
        ? undefined
        : (dir) => measureChange(request.liveDir, dir, state.liveInfo, rendered, removed, ['tep', ...searching.trees]),
      staged.change,
    );
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  lap('swap');
  liveMedia = staged.media;
  Object.assign(state, { pages, digests, sites, liveInfo: live.text }, searchState);
  for (const p of plan.render) state.readers.set(p, pages.get(p)!.reads);
  for (const p of plan.remove) state.readers.delete(p);
  lastRequest = request;
  publications += 1;
  if (state.recentKey) compactLater();
  return {
    site,
    mode: 'incremental',
    search: searching.mode,
    ...(readAgain === undefined ? {} : { readAgain, loadedAgain }),
    ...(checkedByGate ? { checkedByGate } : {}),
    excluded,
    entries: entries.length,
    pages: live.pages,
    bytes: live.bytes,
    rendered: rendered.length,
    removed: removed.length,
    builtAt: live.info.builtAt,
    commit: live.info.commit,
    phases,
    totalMs: Math.round(performance.now() - started),
  };
}

function send(reply: WarmReply): Promise<void> {
  return new Promise((resolve) => process.send!(reply, undefined, {}, () => resolve()));
}

// The server went away (even SIGKILLed): a renderer has no one to answer.
process.on('disconnect', () => process.exit());
// Stopped while idle: a compaction may be between its two renames (docs/adr/0110); let it finish.
process.on('SIGTERM', () => {
  clearTimeout(compactTimer);
  void queue.finally(() => process.exit());
});

process.on('message', async (m) => {
  const request = m as WarmMessage;
  if (request.type === 'settle') {
    // Tests and the bench: the search index as a full build writes it, now.
    clearTimeout(compactTimer);
    try {
      await compactSearch();
      await send({ type: 'settled', id: request.id });
    } catch (error) {
      await send({ type: 'failed', id: request.id, message: (error as Error).stack ?? String(error) });
    }
    return;
  }
  if (request.type === 'render-draft') {
    // A draft's page, by this site's own code, written nowhere (docs/adr/0106). In the queue: while the draft is
    // among the entries, no publication and no rewrite of the search index may read them.
    try {
      const result = await serially(() => {
        if (!warm) throw new Error('the renderer is not warm');
        const drafts = { get: () => entries, set: (list: Entry[]) => (entries = list) };
        return renderDraftPage({ site, hooks, ...warm, entries: drafts }, request);
      });
      await send({ type: 'drafted', id: request.id, result });
    } catch (error) {
      await send({ type: 'failed', id: request.id, message: (error as Error).stack ?? String(error) });
    }
    return;
  }
  if (request.type !== 'publish') return;
  clearTimeout(compactTimer);
  // A rewrite of the parts in flight is for the site as it was: it gives the publication its CPU (docs/adr/0110).
  cancels += 1;
  compactor.cancel();
  const started = performance.now();
  try {
    const result = await serially(() => (warm ? incremental(request, warm, started) : full(request, started)));
    result.phases.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    await send({ type: 'published', id: request.id, result });
    // Pages that do not read through src/content.ts cannot be rendered again here: leave, the next publication starts afresh (ADR 0047).
    if (!warm) process.exit();
  } catch (error) {
    const e = error as Error & { code?: string; data?: unknown };
    // A content problem is found before anything changed; anything else may leave this renderer half-updated: the parent replaces it.
    await send({ type: 'failed', id: request.id, message: e.stack ?? String(e), code: e.code, data: e.data });
  }
});

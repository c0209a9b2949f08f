import { randomBytes } from 'node:crypto';
import { cp, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { copyMedia, type MediaSeen, mediaIdentities } from './site-media.ts';
import { catchUp, pruneEmpty, type SiteChange, type SpareSite } from './spare-site.ts';

/**
 * Puts one freshly built site live. Everything is assembled in a temporary
 * folder beside `dist/<site>` (same file system), then two renames swap it in:
 * a failure at any point before the swap leaves the live site untouched.
 */
export interface SiteParts {
  site: string;
  /** Astro's output for this site: `<worker out>/<site>/`. Moved, not copied. */
  pagesDir: string;
  /** The worker's shared `_astro/` assets: copied, other sites need them too. */
  assetsDir?: string;
  /** The site's Pagefind bundle: moved to `pagefind/`. */
  searchDir?: string;
  /** `content/<site>/tep/`: its allowed files copied to `tep/`. */
  mediaDir?: string;
  /** Told of each file of `mediaDir` left out, with the rule it breaks; a warning on the console by default. */
  onRefusedMedia?: (file: string, code: string) => void;
}

export interface BuildInfo {
  site: string;
  builtAt: string;
  pages: number;
  bytes: number;
  durationMs: number;
  entries: number;
  commit?: string;
}

export const BUILD_INFO_FILE = 'build-info.json';

/** A temporary folder of the site has a random tail; an old one is being replaced. */
export const tempPrefix = (site: string) => `.tmp-${site}-`;
export const oldPrefix = (site: string) => `.old-${site}-`;

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // `.build/` and `--out` may sit on different file systems: fall back to a copy.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** Pages (HTML files) and bytes of a built site; precompressed copies are not counted. */
export async function measureSite(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const d of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || d.name.endsWith('.br') || d.name.endsWith('.gz')) continue;
    if (d.name.endsWith('.html')) pages++;
    bytes += (await stat(path.join(d.parentPath, d.name))).size;
  }
  return { pages, bytes };
}

function warnRefusedMedia(file: string, code: string): void {
  console.warn(
    `⚠ Không đưa tệp "${file}" lên trang (${code}): chỉ tệp PDF, ảnh và văn bản văn phòng đúng loại mới được đăng (ADR 0021).`,
  );
}

async function inBatches<T>(items: T[], task: (item: T) => Promise<unknown>, size = 512): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

/** Assembles the site in a temporary folder under `outDir`; returns its path. Removes it on failure. */
export async function stageSite(outDir: string, parts: SiteParts): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const staging = path.join(outDir, `${tempPrefix(parts.site)}${randomBytes(6).toString('hex')}`);
  try {
    await move(parts.pagesDir, staging);
    if (parts.assetsDir && existsSync(parts.assetsDir))
      await cp(parts.assetsDir, path.join(staging, '_astro'), { recursive: true });
    if (parts.searchDir && existsSync(parts.searchDir)) await move(parts.searchDir, path.join(staging, 'pagefind'));
    if (parts.mediaDir && existsSync(parts.mediaDir))
      await copyMedia(parts.mediaDir, path.join(staging, 'tep'), parts.onRefusedMedia ?? warnRefusedMedia);
    return staging;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export async function writeBuildInfo(dir: string, info: BuildInfo): Promise<void> {
  await writeFile(path.join(dir, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/**
 * rename(2) the live folder away, the staged one in, then delete the old.
 * Between the two renames (microseconds) the folder is absent; the static
 * server answers that moment like any missing page. If the second rename
 * fails, the old folder is put back.
 */
export async function swapIn(
  outDir: string,
  site: string,
  staging: string,
  options: { keepOld?: boolean } = {},
): Promise<string | undefined> {
  const live = path.join(outDir, site);
  const old = path.join(outDir, `${oldPrefix(site)}${randomBytes(6).toString('hex')}`);
  const hadLive = existsSync(live);
  if (hadLive) await rename(live, old);
  try {
    await rename(staging, live);
  } catch (error) {
    if (hadLive) await rename(old, live);
    throw error;
  }
  if (!hadLive) return undefined;
  // A publication may hand the old folder back and remove it once the site is live: its pages are already replaced.
  if (options.keepOld) return old;
  await rm(old, { recursive: true, force: true });
  return undefined;
}

/** Leftovers of an interrupted build of these sites (never another site's, which may be mid-publish). */
export async function removeLeftovers(outDir: string, sites: string[]): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (sites.some((s) => name.startsWith(tempPrefix(s)) || name.startsWith(oldPrefix(s)))) {
      await rm(path.join(outDir, name), { recursive: true, force: true });
    }
  }
}

export interface IncrementalParts {
  site: string;
  /** The live site the new version starts from: its unchanged files are hard-linked, never copied. */
  liveDir: string;
  /** Freshly rendered files, by path inside the site: moved in with their `.br`/`.gz` beside them. */
  renderedDir: string;
  rendered: string[];
  /** Paths inside the site that are gone (a page no longer listed): left out with their compressed copies. */
  removed: string[];
  /** A new Pagefind bundle for `pagefind/`; the live one is kept when absent. */
  searchDir?: string;
  /**
   * Which live files under `pagefind/` the files of `searchDir` replace (docs/adr/0046, 0110); all of them when
   * absent. Decided by a path's first two segments (a part's folder, the recent index, a file of the first part),
   * so it is asked once per entry of `pagefind/`.
   */
  searchReplaces?: (rel: string) => boolean;
  /** `content/<site>/tep/`, checked and copied again as in a full build; the live `tep/` is kept when absent. */
  mediaDir?: string;
  onRefusedMedia?: (file: string, code: string) => void;
  /** Awaited after the links are made and before the new files move in: their compression runs meanwhile. */
  ready?: Promise<unknown>;
  /** The version the last publication replaced, brought up to date instead of linking every file (docs/adr/0113). */
  spare?: SpareSite;
  /** What the live `tep/` was made from: only the files changed since are checked and copied (docs/adr/0113). */
  media?: MediaSeen;
}

export interface StagedSite {
  dir: string;
  /** Where the staged version differs from the live one: what the live one needs, as a spare, to become it. */
  change: SiteChange;
  /** What its `tep/` was made from, when `mediaDir` was given. */
  media?: MediaSeen;
}

/** The live entries under `pagefind/` and `tep/` this publication replaces whole. */
async function replacedTrees(parts: IncrementalParts): Promise<string[]> {
  const trees: string[] = [];
  if (parts.mediaDir && !parts.media) trees.push('tep');
  if (!parts.searchDir) return trees;
  const replaces = parts.searchReplaces ?? (() => true);
  for (const d of await readdir(path.join(parts.liveDir, 'pagefind'), { withFileTypes: true }).catch(() => [])) {
    const rel = `pagefind/${d.name}`;
    if (replaces(d.isDirectory() ? `${rel}/` : rel)) trees.push(rel);
  }
  return trees;
}

/** Links every live file outside `change` into `staging`: the first incremental publication, or when no spare is at hand. */
async function linkUnchanged(staging: string, liveDir: string, change: SiteChange): Promise<void> {
  const replaced = new Set(change.files);
  const trees = change.trees.map((t) => `${t}/`);
  const live = (await readdir(liveDir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  const links: Array<[string, string]> = [];
  for (const d of live) {
    const rel = path.relative(liveDir, path.join(d.parentPath, d.name)).split(path.sep).join('/');
    if (replaced.has(rel) || change.trees.includes(rel) || trees.some((t) => rel.startsWith(t))) continue;
    links.push([path.join(liveDir, rel), path.join(staging, rel)]);
  }
  // Directories level by level, then the links: metadata operations, many in flight hide their latency.
  const dirSet = new Set<string>();
  for (const [, to] of links) {
    for (let d = path.dirname(to); d !== staging && !dirSet.has(d); d = path.dirname(d)) dirSet.add(d);
  }
  const byDepth = Map.groupBy([...dirSet], (d) => d.split(path.sep).length);
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await inBatches(byDepth.get(depth)!, (d) =>
      mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e))),
    );
  }
  await inBatches(links, ([from, to]) => link(from, to));
}

/**
 * Assembles the next version of a live site beside it from hard links to its
 * unchanged files plus the files a publication changed, for `swapIn`
 * (docs/adr/0046): from the spare version when there is one (docs/adr/0113),
 * from every live file otherwise. Nothing in the live folder is written: a
 * failure before the swap leaves it exactly as it was.
 */
export async function stageIncremental(outDir: string, parts: IncrementalParts): Promise<StagedSite> {
  const staging = path.join(outDir, `${tempPrefix(parts.site)}${randomBytes(6).toString('hex')}`);
  const withCopies = (rel: string) => [rel, `${rel}.br`, `${rel}.gz`];
  let emptied: string[] = [];
  try {
    const change: SiteChange = {
      files: [...[...parts.rendered, ...parts.removed].flatMap(withCopies), BUILD_INFO_FILE],
      trees: await replacedTrees(parts),
    };
    // Attachments changed or gone since the live `tep/` was made; the others stay as they are.
    const mediaIds = parts.mediaDir && parts.media ? await mediaIdentities(parts.mediaDir) : undefined;
    const mediaChanged = [...(mediaIds ?? [])].filter(([rel, id]) => !id || parts.media?.get(rel)?.id !== id);
    const mediaGone = [...(mediaIds ? (parts.media?.keys() ?? []) : [])].filter((rel) => !mediaIds?.has(rel));
    change.files.push(...[...mediaChanged.map(([rel]) => rel), ...mediaGone].map((rel) => `tep/${rel}`));
    let fromSpare = false;
    if (parts.spare) {
      try {
        await rename(parts.spare.dir, staging);
        emptied = await catchUp(staging, parts.liveDir, parts.spare.behind, change);
        fromSpare = true;
      } catch {
        // Removed by a cold build's clean-up, or half brought up to date: link every file instead.
        await rm(parts.spare.dir, { recursive: true, force: true });
        await rm(staging, { recursive: true, force: true });
      }
    }
    if (!fromSpare) {
      await mkdir(staging);
      await linkUnchanged(staging, parts.liveDir, change);
    }
    await parts.ready;
    for (const rel of parts.rendered) {
      for (const name of withCopies(rel)) {
        const from = path.join(parts.renderedDir, name);
        if (!existsSync(from)) continue;
        await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
        await move(from, path.join(staging, name));
      }
    }
    if (parts.searchDir && existsSync(parts.searchDir)) {
      // What the new bundle brings that the live site lacks (a first recent index, a new part) differs too.
      const brought = (await readdir(parts.searchDir)).map((name) => `pagefind/${name}`);
      change.trees = [...new Set([...change.trees, ...brought])];
      // File by file: the parts of the index that did not change are already linked in.
      for (const d of await readdir(parts.searchDir, { recursive: true, withFileTypes: true })) {
        if (!d.isFile()) continue;
        const to = path.join(staging, 'pagefind', path.relative(parts.searchDir, path.join(d.parentPath, d.name)));
        await mkdir(path.dirname(to), { recursive: true });
        await move(path.join(d.parentPath, d.name), to);
      }
    }
    let media: MediaSeen | undefined;
    if (parts.mediaDir) {
      const kept = new Map([...(parts.media ?? [])].filter(([rel]) => mediaIds?.has(rel)));
      media = await copyMedia(parts.mediaDir, path.join(staging, 'tep'), parts.onRefusedMedia ?? warnRefusedMedia, {
        ...(mediaIds ? { ids: mediaIds, only: mediaChanged.map(([rel]) => rel), seen: kept } : {}),
      });
    }
    await pruneEmpty(staging, emptied);
    return { dir: staging, change, ...(media ? { media } : {}) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileWrite } from './content-repository/repository.ts';

/**
 * What `main` would hold after a change, as a folder the build's checks can
 * read, without touching the content repository: links to every file of the
 * site's folder and of `sites/`, plus the changed files written over them.
 * The checks read this folder exactly as they read the real one (ADR 0045).
 */
export async function withOverlay<T>(
  root: string,
  site: string,
  files: readonly FileWrite[],
  task: (overlay: string) => Promise<T>,
): Promise<T> {
  const overlays = keptOverlays();
  try {
    return await overlays.check(root, site, '', files, task);
  } finally {
    await overlays.close();
  }
}

interface Kept {
  dir: string;
  /** The commit of `main` the overlay shows when no change is written over it. */
  commit: string;
}

/**
 * One overlay per site kept between publications (docs/adr/0113): made once
 * from the repository, then each change is written over it, checked and taken
 * back, and followed into the overlay at its own paths once committed, since
 * making a 10,000-link folder for every publication cost more than checking
 * it. An overlay made for another commit of `main` (a change that did not
 * come through here) is made again. Callers serialise (the repository lock).
 */
export function keptOverlays() {
  const kept = new Map<string, Kept>();

  async function drop(site: string): Promise<void> {
    const overlay = kept.get(site);
    kept.delete(site);
    if (overlay) await rm(overlay.dir, { recursive: true, force: true });
  }

  async function overlayFor(root: string, site: string, commit: string): Promise<string> {
    const known = kept.get(site);
    if (known && known.commit === commit && commit) return known.dir;
    await drop(site);
    const dir = await mkdtemp(path.join(tmpdir(), `congso-check-${randomBytes(3).toString('hex')}-`));
    kept.set(site, { dir, commit });
    // File by file, like the site's folder: a change may write the site's own YAML (a new department, docs/adr/0104).
    await mirror(path.join(root, 'sites'), path.join(dir, 'sites'), new Set(['.']));
    // The site's folders are one link each until a change writes into one (`realFolders`).
    await mirror(path.join(root, `content/${site}`), path.join(dir, `content/${site}`), new Set(['.']));
    return dir;
  }

  /** Follows the repository at these paths: its file linked, or nothing; folders it does not have are removed. */
  async function follow(root: string, overlay: string, writes: readonly FileWrite[]): Promise<void> {
    const emptied = new Set<string>();
    for (const { path: rel } of writes) {
      await realFolders(root, overlay, rel);
      await rm(path.join(overlay, rel), { force: true });
      // A change may name a folder of the repository as a file: the folder comes back, linked whole, as `mirror` links it.
      const source = await lstat(path.join(root, rel)).catch(() => null);
      if (source?.isFile()) await symlink(path.join(root, rel), path.join(overlay, rel));
      else if (source?.isDirectory()) await symlink(path.join(root, rel), path.join(overlay, rel), 'dir');
      for (let dir = path.posix.dirname(rel); dir.split('/').length > 2; dir = path.posix.dirname(dir))
        emptied.add(dir);
    }
    const deepestFirst = [...emptied].sort((a, b) => b.split('/').length - a.split('/').length);
    for (const dir of deepestFirst)
      if (!existsSync(path.join(root, dir))) await rmdir(path.join(overlay, dir)).catch(() => undefined);
  }

  return {
    /** Runs `task` over `main` at `commit` with `files` written over it; the overlay shows `main` again afterwards. */
    async check<T>(
      root: string,
      site: string,
      commit: string,
      files: readonly FileWrite[],
      task: (overlay: string) => Promise<T>,
    ): Promise<T> {
      const overlay = await overlayFor(root, site, commit);
      const writes = ownWrites(site, files);
      try {
        for (const file of writes) {
          await realFolders(root, overlay, file.path);
          const target = path.join(overlay, file.path);
          await rm(target, { force: true });
          if (file.content === null) continue;
          await writeFile(target, file.content);
        }
        return await task(overlay);
      } finally {
        await follow(root, overlay, writes).catch(() => drop(site));
      }
    },
    /**
     * A change was committed over `from` as `to`: each overlay of `from` follows the repository at the paths it
     * wrote for that overlay's site (none, for another department's change).
     */
    async committed(root: string, from: string, to: string, files: readonly FileWrite[]): Promise<void> {
      for (const [site, known] of kept) {
        if (known.commit !== from) continue;
        try {
          await follow(root, known.dir, ownWrites(site, files));
          known.commit = to;
        } catch {
          await drop(site);
        }
      }
    },
    async close(): Promise<void> {
      for (const site of [...kept.keys()]) await drop(site);
    },
  };
}

/**
 * The writes of a change the checks of `site` read, by path as the file system
 * will read it (normalised): paths were checked by the caller, but a folder
 * written into must always be a real one of the overlay, never a link through
 * which a write would reach the repository.
 */
function ownWrites(site: string, files: readonly FileWrite[]): FileWrite[] {
  return files
    .map((file) => ({ ...file, path: path.posix.normalize(file.path) }))
    .filter((file) => readBySite(site, file.path))
    .filter((file) => !file.path.split('/').includes('..'));
}

/** Whether the checks of `site` read this (normalised) path: its own folder and its own YAML. */
export function readBySite(site: string, rel: string): boolean {
  return rel.startsWith(`content/${site}/`) || rel === `sites/${site}.yaml`;
}

/**
 * Every path a change writes, as the checks name the files they read: any
 * other file of an overlay is as it is on `main` (docs/adr/0115).
 */
export function writtenPaths(files: readonly FileWrite[]): Set<string> {
  return new Set(files.map((file) => path.posix.normalize(file.path)));
}

/** Makes every folder above `rel` in the overlay a real folder: a linked one becomes links to its files. */
async function realFolders(root: string, overlay: string, rel: string): Promise<void> {
  const parts = rel.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    const at = path.join(overlay, dir);
    const s = await lstat(at).catch(() => null);
    if (s?.isDirectory()) continue;
    if (s?.isSymbolicLink()) {
      await rm(at);
      await mirror(path.join(root, dir), at, new Set(['.']));
    } else await mkdir(at);
  }
}

/** Links `from`'s files into `to`; a sub-folder outside `expand` (paths relative to the first `from`) is linked whole. */
async function mirror(from: string, to: string, expand: ReadonlySet<string>, rel = '.'): Promise<void> {
  await mkdir(to, { recursive: true });
  let entries: Dirent[];
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      const child = rel === '.' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (expand.has(child)) await mirror(source, target, expand, child);
        else await symlink(source, target, 'dir');
      } else if (entry.isFile()) await symlink(source, target);
    }),
  );
}

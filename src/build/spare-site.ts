import { link, lstat, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The version of a site that the last publication replaced, kept beside the
 * live one to become the next version (docs/adr/0113). It shares every
 * unchanged file with the live site (hard links), so bringing it up to date
 * touches only the paths where the two differ: those the last publication
 * changed and those this one changes, instead of linking every file of the
 * site again (36,000 links on a 10,000-entry site). Its files are never
 * written, only unlinked and linked: the live site's files are the same
 * inodes.
 */
export interface SiteChange {
  /** Files, by path inside the site, that differ between two versions. */
  files: string[];
  /** Folders or files inside the site replaced whole (`tep`, parts of `pagefind`). */
  trees: string[];
}

export interface SpareSite {
  dir: string;
  /** Where it differs from the live site: the change that made the live site out of it. */
  behind: SiteChange;
}

const under = (rel: string, trees: ReadonlySet<string>) => {
  for (let p = rel; p !== '.' && p !== ''; p = path.posix.dirname(p)) if (trees.has(p)) return true;
  return false;
};

async function exists(file: string): Promise<'file' | 'dir' | null> {
  const s = await lstat(file).catch(() => null);
  if (!s) return null;
  return s.isDirectory() ? 'dir' : 'file';
}

/** Links a live file, or every file of a live folder, into the same place of `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  const kind = await exists(from);
  if (kind === 'file') {
    await mkdir(path.dirname(to), { recursive: true });
    await link(from, to);
    return;
  }
  if (kind !== 'dir') return;
  for (const d of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const rel = path.relative(from, path.join(d.parentPath, d.name));
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await link(path.join(from, rel), path.join(to, rel));
  }
}

/**
 * Turns `dir`, equal to the live site except at `behind`, into the live site
 * less what `change` replaces: at each path either version changed, the
 * spare's file goes and the live one is linked in its place unless this
 * change replaces it. Folders left empty are removed at the end (`pruneEmpty`)
 * so the result is the live site's tree file for file and folder for folder.
 */
export async function catchUp(dir: string, liveDir: string, behind: SiteChange, change: SiteChange): Promise<string[]> {
  const replacedTrees = new Set(change.trees);
  const replacedFiles = new Set(change.files);
  const trees = new Set([...behind.trees, ...change.trees]);
  for (const tree of trees) {
    await rm(path.join(dir, tree), { recursive: true, force: true });
    if (!under(tree, replacedTrees)) await linkTree(path.join(liveDir, tree), path.join(dir, tree));
  }
  const emptied: string[] = [];
  for (const file of new Set([...behind.files, ...change.files])) {
    if (under(file, trees)) continue;
    await rm(path.join(dir, file), { force: true });
    if (!replacedFiles.has(file) && (await exists(path.join(liveDir, file))) === 'file') {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await link(path.join(liveDir, file), path.join(dir, file));
    } else emptied.push(path.dirname(file));
  }
  return emptied;
}

/** Removes these folders (paths inside `dir`) and their parents while they are empty. */
export async function pruneEmpty(dir: string, folders: Iterable<string>): Promise<void> {
  const deepestFirst = [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    for (let p = folder; p !== '.' && p !== ''; p = path.posix.dirname(p)) {
      const removed = await rmdir(path.join(dir, p)).then(
        () => true,
        () => false,
      );
      if (!removed) break;
    }
  }
}

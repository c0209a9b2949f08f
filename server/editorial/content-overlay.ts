import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
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
  const overlay = await mkdtemp(path.join(tmpdir(), `congso-check-${randomBytes(3).toString('hex')}-`));
  try {
    // File by file, like the site's folder: a change may write the site's own YAML (a new department, docs/adr/0104).
    await mirror(path.join(root, 'sites'), path.join(overlay, 'sites'), new Set(['.']));
    const siteDir = `content/${site}`;
    // Only the folders a change writes into are copied as links file by file; every other folder is one link
    // (a 10,000-entry site is otherwise 10,000 links made and removed per publication, docs/adr/0046).
    // Paths were checked by the caller; read here as the file system will (normalised), so that a folder written
    // into is always a real one of the overlay, never a link through which a write would reach the repository.
    const writes = files.map((file) => ({ ...file, path: path.posix.normalize(file.path) }));
    const touched = new Set<string>(['.']);
    for (const file of writes) {
      if (!file.path.startsWith(`${siteDir}/`)) continue;
      for (
        let dir = path.posix.dirname(file.path.slice(siteDir.length + 1));
        dir !== '.';
        dir = path.posix.dirname(dir)
      ) {
        touched.add(dir);
      }
    }
    await mirror(path.join(root, siteDir), path.join(overlay, siteDir), touched);
    for (const file of writes) {
      if (!file.path.startsWith(`${siteDir}/`) && file.path !== `sites/${site}.yaml`) continue;
      const target = path.join(overlay, file.path);
      if (!target.startsWith(overlay + path.sep)) continue;
      await rm(target, { force: true });
      if (file.content === null) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return await task(overlay);
  } finally {
    await rm(overlay, { recursive: true, force: true });
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

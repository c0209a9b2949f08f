import { chmod, copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { loadDepartments } from '#src/content-source/departments.ts';
import { ensurePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '#server/platform/private-files.ts';
import { BackupDialectMismatchError, InstallationNotEmptyError } from '../errors.ts';
import type { Installation } from '../installation.ts';
import { unbundleRepository } from './content-bundle.ts';
import { BACKUP_NAME } from './create-backup.ts';
import { databaseContents, dialectOf, restoreDatabase } from './database-snapshot.ts';
import { MANIFEST, readManifest, verifyBackup, type Manifest } from './manifest.ts';

/**
 * `npm run restore -- --from <folder>` (docs/adr/0100), with the server
 * stopped. In this order, and nothing is changed until the first three pass:
 *
 * 1. every file of the backup is checked against the manifest;
 * 2. the backup's database kind must be this installation's;
 * 3. an installation that holds data is refused unless `force`;
 * 4. the content repository and the attachments are rebuilt in hidden
 *    folders beside their places, the database is restored (SQLite renamed
 *    into place, PostgreSQL in one transaction), then the folders are
 *    swapped in and the keys put back.
 *
 * 5. `dist/` is rebuilt from the restored content, and sites that are not
 *    in it any more are taken down.
 */
export interface RestoreOptions {
  installation: Installation;
  /** A backup folder, or a folder of backups (the newest complete one is taken). */
  from: string;
  /** Replace an installation that already holds data. */
  force?: boolean;
  /** The build's scratch folder (inside the project); `.build/` by default. */
  buildWorkDir?: string;
}

export interface Restored {
  dir: string;
  manifest: Manifest;
  /** Sites rebuilt into dist/. */
  sites: string[];
  seconds: { restore: number; rebuild: number };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The backup folder itself, or the newest complete one inside `from`. */
export async function locateBackup(from: string): Promise<string> {
  const dir = path.resolve(from);
  if (await exists(path.join(dir, MANIFEST))) return dir;
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse();
  for (const name of names) if (await exists(path.join(dir, name, MANIFEST))) return path.join(dir, name);
  return dir;
}

/** What this installation already holds, in words for the operator. */
export async function installationContents(installation: Installation): Promise<string[]> {
  const found: string[] = [];
  const database = await databaseContents(installation);
  if (database) found.push(database);
  if (await exists(path.join(installation.contentDir, '.git'))) found.push(`kho nội dung ${installation.contentDir}`);
  const files = (await readdir(installation.attachmentsDir).catch(() => [])).length;
  if (files > 0) found.push(`${files} tệp đính kèm trong ${installation.attachmentsDir}`);
  return found;
}

/** Renames `staging` to `target`, moving what was there aside first and deleting it after. */
async function swapIn(staging: string, target: string): Promise<void> {
  const old = `${target}.replaced-${process.pid}-${Date.now()}`;
  const had = await exists(target);
  if (had) await rename(target, old);
  await rename(staging, target);
  if (had) await rm(old, { recursive: true, force: true });
}

async function stagingBeside(target: string): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
  return mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-restore-`));
}

export async function restoreBackup(options: RestoreOptions): Promise<Restored> {
  const { installation } = options;
  const started = performance.now();
  const dir = await locateBackup(options.from);
  const manifest = await readManifest(dir);
  await verifyBackup(dir, manifest);
  if (manifest.database.dialect !== dialectOf(installation)) {
    throw new BackupDialectMismatchError({ backup: manifest.database.dialect, installation: dialectOf(installation) });
  }
  const found = await installationContents(installation);
  if (found.length > 0 && !options.force) throw new InstallationNotEmptyError({ found });

  const stagings: string[] = [];
  try {
    const content = await stagingBeside(installation.contentDir);
    stagings.push(content);
    await unbundleRepository(path.join(dir, 'content.bundle'), content);

    const attachments = await stagingBeside(installation.attachmentsDir);
    stagings.push(attachments);
    for (const name of await readdir(path.join(dir, 'attachments'))) {
      await copyFile(path.join(dir, 'attachments', name), path.join(attachments, name));
      await chmod(path.join(attachments, name), PRIVATE_FILE_MODE);
    }

    await restoreDatabase(installation, path.join(dir, manifest.database.file));
    await swapIn(content, installation.contentDir);
    await swapIn(attachments, installation.attachmentsDir);
    stagings.length = 0;

    ensurePrivateDir(installation.dataDir);
    for (const key of await readdir(path.join(dir, 'keys'))) {
      await rm(path.join(installation.dataDir, key), { force: true });
      await copyFile(path.join(dir, 'keys', key), path.join(installation.dataDir, key));
      await chmod(path.join(installation.dataDir, key), PRIVATE_FILE_MODE);
    }
  } finally {
    for (const staging of stagings) await rm(staging, { recursive: true, force: true });
  }
  const restored = performance.now();
  const sites = await rebuildSites(installation, options.buildWorkDir);
  return {
    dir,
    manifest,
    sites,
    seconds: { restore: (restored - started) / 1000, rebuild: (performance.now() - restored) / 1000 },
  };
}

/** Every department of the restored content built into dist/; a site folder of no restored department removed. */
async function rebuildSites(installation: Installation, workDir: string | undefined): Promise<string[]> {
  const departments = (await loadDepartments(installation.contentDir)).map((d) => d.id);
  // A scratch folder of its own: a `npm run build` or a server's publication may be using the shared one.
  const scratch = workDir ?? path.join(PROJECT_ROOT, '.build', `restore-${process.pid}`);
  try {
    await buildSites({
      contentRoot: installation.contentDir,
      outDir: installation.distDir,
      sites: departments,
      workDir: scratch,
      triggeredBy: 'restore',
    });
  } finally {
    if (!workDir) await rm(scratch, { recursive: true, force: true });
  }
  for (const entry of await readdir(installation.distDir, { withFileTypes: true })) {
    if (entry.isDirectory() && SITE_FOLDER.test(entry.name) && !departments.includes(entry.name))
      await rm(path.join(installation.distDir, entry.name), { recursive: true, force: true });
  }
  return departments;
}

/** A built site's folder in dist/: a site id (dot folders are build leftovers, `_history` the build log). */
const SITE_FOLDER = /^[a-z0-9]{2,40}$/;

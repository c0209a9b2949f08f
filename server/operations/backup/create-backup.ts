import { chmod, copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from '#server/platform/storage/repository.ts';
import { systemClock, type Clock } from '#server/platform/clock.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '#server/platform/private-files.ts';
import { KEY_FILES, type Installation } from '../installation.ts';
import { bundleRepository } from './content-bundle.ts';
import { dialectOf, dumpDatabase } from './database-snapshot.ts';
import { describeFiles, filesUnder, FORMAT, MANIFEST, type Manifest } from './manifest.ts';

/**
 * `npm run backup -- --to <folder>` and the nightly job (docs/adr/0100): a
 * new folder `congso-YYYYMMDD-HHMMSS` (Vietnam time) under `to` holding
 *
 *   database/congso.sqlite | database/congso.dump   the database, consistent
 *   attachments/<uuid>.bin                          citizens' files
 *   keys/*.key                                      the server's secrets
 *   content.bundle                                  the content repository, every ref
 *   manifest.json                                   sizes and SHA-256 of all the above
 *
 * It is written in a hidden folder and renamed into place once complete,
 * so a backup that stopped half-way is never mistaken for one. The folder
 * is 0700: it holds citizens' files and the server's keys. `dist/` is not
 * copied: the restore rebuilds it from the content.
 */
export interface BackupOptions {
  installation: Installation;
  /** The server's storage: the counts in the manifest. */
  storage: Storage;
  /** The folder that receives the backup's folder. */
  to: string;
  clock?: Clock;
}

export interface Backup {
  dir: string;
  manifest: Manifest;
}

export const BACKUP_NAME = /^congso-\d{8}-\d{6}(?:-\d+)?$/;

function backupName(at: number): string {
  // Vietnam keeps +07:00 all year: the operator reads the name in local time.
  const local = new Date(at + 7 * 3_600_000).toISOString();
  return `congso-${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 19).replace(/:/g, '')}`;
}

async function freeName(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = path.join(parent, n === 1 ? name : `${name}-${n}`);
    if (
      !(await stat(candidate).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
}

async function copyPrivate(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await chmod(to, PRIVATE_FILE_MODE);
}

export async function createBackup(options: BackupOptions): Promise<Backup> {
  const clock = options.clock ?? systemClock;
  const { installation, storage } = options;
  const started = clock();
  const to = path.resolve(options.to);
  ensurePrivateDir(to);
  // mkdtemp makes it 0700; the rename keeps the mode.
  const staging = await mkdtemp(path.join(to, '.congso-'));
  try {
    const accounts = (await storage.accounts.list()).length;
    const cases = (await storage.cases.countByStatus()).reduce((sum, c) => sum + c.count, 0);

    await mkdir(path.join(staging, 'database'));
    const database = `database/${await dumpDatabase(installation, path.join(staging, 'database'))}`;

    // After the database: every file a case of the copy refers to was on disk before the case was committed.
    await mkdir(path.join(staging, 'attachments'));
    const stored = await readdir(installation.attachmentsDir).catch(() => [] as string[]);
    for (const name of stored)
      await copyPrivate(path.join(installation.attachmentsDir, name), path.join(staging, 'attachments', name));

    await mkdir(path.join(staging, 'keys'));
    for (const key of KEY_FILES) {
      const file = path.join(installation.dataDir, key);
      if (
        await stat(file).then(
          () => true,
          () => false,
        )
      )
        await copyPrivate(file, path.join(staging, 'keys', key));
    }

    const refs = await bundleRepository(installation.contentDir, path.join(staging, 'content.bundle'));
    // What the database tools and git wrote took the umask's mode: private like the rest.
    const files = await filesUnder(staging);
    for (const file of files) await chmod(path.join(staging, file), PRIVATE_FILE_MODE);

    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date(started).toISOString(),
      seconds: (clock() - started) / 1000,
      database: { dialect: dialectOf(installation), file: database },
      counts: { accounts, cases, attachments: stored.length, refs },
      files: await describeFiles(staging, files),
    };
    await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
    const dir = await freeName(to, backupName(started));
    await rename(staging, dir);
    return { dir, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Keeps the newest `keep` backups in `to` and removes older ones, and any
 * hidden folder an interrupted backup left more than a day ago.
 */
export async function pruneBackups(to: string, keep: number, now: number = Date.now()): Promise<string[]> {
  const entries = await readdir(to, { withFileTypes: true }).catch(() => []);
  const complete = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const full = path.join(to, entry.name);
    if (
      BACKUP_NAME.test(entry.name) &&
      (await stat(path.join(full, MANIFEST)).then(
        () => true,
        () => false,
      ))
    )
      complete.push(entry.name);
    else if (entry.name.startsWith('.congso-') && now - (await stat(full)).mtimeMs > 86_400_000)
      await rm(full, { recursive: true, force: true });
  }
  const removed = complete.sort().reverse().slice(Math.max(keep, 1));
  for (const name of removed) await rm(path.join(to, name), { recursive: true, force: true });
  return removed;
}

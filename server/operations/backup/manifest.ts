import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BackupCorruptError, BackupNotFoundError } from '../errors.ts';

/**
 * What a backup holds (docs/adr/0100), written last: a folder without
 * `manifest.json` is a backup that did not finish. Every file is listed
 * with its size and SHA-256, and the restore checks them all before it
 * touches anything.
 */
export const MANIFEST = 'manifest.json';
export const FORMAT = 'congso-backup/1';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  /** How long taking it took, for the operator's figures. */
  seconds: number;
  database: { dialect: 'sqlite' | 'postgres'; file: string };
  /** What the backup holds, for the operator to compare after a restore. */
  counts: { accounts: number; cases: number; attachments: number; refs: number };
  files: ManifestFile[];
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export async function describeFiles(dir: string, files: readonly string[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    out.push({ path: file, bytes: (await stat(full)).size, sha256: await sha256Of(full) });
  }
  return out;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupNotFoundError({ dir });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupCorruptError({ dir, damaged: [MANIFEST] });
  }
  if (manifest?.format !== FORMAT || !Array.isArray(manifest.files))
    throw new BackupCorruptError({ dir, damaged: [MANIFEST] });
  return manifest;
}

/** Throws `BackupCorruptError` naming every file missing, added, or whose bytes changed. */
export async function verifyBackup(dir: string, manifest: Manifest): Promise<void> {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const present = (await filesUnder(dir)).filter((f) => f !== MANIFEST);
  const damaged = present.filter((f) => !listed.has(f));
  for (const [file, expected] of listed) {
    if (!present.includes(file)) {
      damaged.push(file);
      continue;
    }
    const full = path.join(dir, file);
    if ((await stat(full)).size !== expected.bytes || (await sha256Of(full)) !== expected.sha256) damaged.push(file);
  }
  if (damaged.length) throw new BackupCorruptError({ dir, damaged: damaged.sort() });
}

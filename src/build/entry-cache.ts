import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { EntryMemo } from '../content-source/entries.ts';

/**
 * Parsed entries kept between builds in the worker's own folder, so a
 * publication re-parses only what changed. An entry is reused only when its
 * source text is identical, and the whole cache only while the code that
 * parses (schemas, MDX rendering, text checks) is the code that wrote it.
 */
const PARSER_DIRS = ['src/schema', 'src/content-source', 'src/text'];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let fingerprint: Promise<string> | undefined;
/** Once per process: loading and saving the cache compare against the same code. */
function parserFingerprint(): Promise<string> {
  return (fingerprint ??= computeFingerprint());
}

async function computeFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(process.version);
  for (const dir of PARSER_DIRS) {
    const files = (await readdir(path.join(ROOT, dir), { recursive: true }))
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const f of files) hash.update(f).update(await readFile(path.join(ROOT, dir, f)));
  }
  return hash.digest('hex');
}

/** A site's file in a folder of kept parses: the renderers write it, the publication gate's warm-up reads it (docs/adr/0118). */
export function entryCacheFile(dir: string, site: string): string {
  return path.join(dir, `${site}.bin`);
}

export async function loadEntryCache(file: string): Promise<EntryMemo> {
  try {
    const stored = deserialize(await readFile(file)) as { fingerprint: string; entries: EntryMemo };
    if (stored.fingerprint === (await parserFingerprint())) return stored.entries;
  } catch {
    // Missing or unreadable: start empty, the build is only slower.
  }
  return new Map();
}

/** Keeps the entries of `files` only, so deleted entries do not pile up. */
export async function saveEntryCache(file: string, memo: EntryMemo, files: Iterable<string>): Promise<void> {
  const kept: EntryMemo = new Map();
  for (const f of files) {
    const hit = memo.get(f);
    if (hit) kept.set(f, hit);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, serialize({ fingerprint: await parserFingerprint(), entries: kept }));
  await rename(tmp, file);
}

/**
 * Removes the kept parses of sites that no longer exist (a department retired or renamed), so the folder holds
 * one file per live site rather than one per site that ever had a renderer (docs/adr/0118). Files being written
 * (`.tmp`) and anything else in the folder are left alone.
 */
export async function pruneEntryCaches(dir: string, sites: readonly string[]): Promise<string[]> {
  const keep = new Set(sites.map((site) => path.basename(entryCacheFile(dir, site))));
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name.endsWith('.bin') && !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
  return stale.map((name) => name.slice(0, -'.bin'.length));
}

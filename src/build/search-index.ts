import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Entry } from '../content-source/entries.ts';
import { DomainError } from '../errors.ts';
import { type SearchRecord, searchRecord } from './search-records.ts';

export type SearchIndexErrorData = { site: string; errors: string[] };
export class SearchIndexError extends DomainError<SearchIndexErrorData> {
  static readonly code = 'SEARCH_INDEX_FAILED';
  constructor(site: string, errors: string[]) {
    super(
      SearchIndexError.code,
      { site, errors },
      `Không tạo được chỉ mục tìm kiếm cho trang ${site}: ${errors.join('; ')}`,
    );
  }
}

/**
 * Pagefind's ready-made interfaces. The search page calls `pagefind.js`
 * itself, because results must pass through `fromIndexText`; the stock UI
 * would show "d̵" and add script to pages that need none.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * A large site's index is split in parts of at most this many records
 * (docs/adr/0046): a publication rewrites only the part its record is in, and
 * the search page merges the parts (`mergeIndex`). The number of parts is a
 * power of two, so a growing site reshuffles its records rarely.
 */
const SHARD_RECORDS = Number(process.env.CONGSO_SEARCH_SHARD_RECORDS) || 1000;
/**
 * Beside the first part, what the search page merges (docs/adr/0046): the
 * other parts, and after a publication the small index of the records that
 * changed since the parts were written, with the fragments of the parts it
 * replaces (docs/adr/0110).
 */
export const SHARDS_FILE = 'shards.json';
/** Inside `pagefind/`: the index of the records changed since the parts were written. */
export const RECENT_DIR = 'recent';

export interface ShardsManifest {
  /** Addresses of the parts after the first. */
  parts: string[];
  /** The index of changed records, and the languages it holds: a page merges it only for its own language. */
  recent?: { url: string; languages: string[] };
  /** Pagefind ids (fragment hashes) in the parts whose records changed or are gone: the search page drops them. */
  superseded?: string[];
}

export async function writeShardsFile(outputPath: string, manifest: ShardsManifest): Promise<void> {
  await mkdir(outputPath, { recursive: true });
  await writeFile(path.join(outputPath, SHARDS_FILE), `${JSON.stringify(manifest)}\n`);
}

export function shardCount(records: number): number {
  let count = 1;
  while (count * SHARD_RECORDS < records) count *= 2;
  return count;
}

/** FNV-1a of the page's address: a record stays in its part whatever else changes. */
export function shardOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}

/** Folder of a part inside `pagefind/`: the first part is `pagefind/` itself. */
export const shardDir = (shard: number) => (shard === 0 ? '' : `part-${shard}`);

/** Addresses of the parts after the first, for the manifest. */
export const partUrls = (count: number) =>
  Array.from({ length: count }, (_, i) => i)
    .filter((i) => i > 0)
    .map((i) => `/pagefind/${shardDir(i)}/`);

/**
 * Which live files under `pagefind/` a new bundle of these parts replaces:
 * theirs, the manifest, and the recent index, which the parts now hold
 * (docs/adr/0110).
 */
export function replacedByParts(parts: ReadonlySet<number>): (rel: string) => boolean {
  return (rel) => {
    if (rel === `pagefind/${SHARDS_FILE}` || rel.startsWith(`pagefind/${RECENT_DIR}/`)) return true;
    return parts.has(Number(/^pagefind\/part-(\d+)\//.exec(rel)?.[1] ?? 0));
  };
}

/** Replaced by a publication's recent index: the manifest and the previous recent index. */
export const replacedByRecent = (rel: string) =>
  rel === `pagefind/${SHARDS_FILE}` || rel.startsWith(`pagefind/${RECENT_DIR}/`);

/** The Pagefind ids of the records of these parts of a bundle, by address. */
export async function partIds(outputPath: string, parts: Iterable<number>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const i of parts)
    for (const [url, id] of await fragmentIds(path.join(outputPath, shardDir(i)))) ids.set(url, id);
  return ids;
}

/** The entries of each part, in the order given. */
export function searchShards(entries: Entry[]): Entry[][] {
  const count = shardCount(entries.length);
  const shards: Entry[][] = Array.from({ length: count }, () => []);
  for (const entry of entries) shards[shardOf(searchRecord(entry).url, count)]!.push(entry);
  return shards;
}

/**
 * Writes the Pagefind bundle of one site into `outputPath` (its `pagefind/`),
 * in parts when it is large (`only`: just those parts, the others being kept
 * from the live site). Each record names its language: the Vietnamese
 * entries make the `vi` index, the English pages the `en` one, and the search
 * page loads the index of its `<html lang>` (docs/adr/0023-english-pages.md).
 */
export async function writeSearchIndex(
  site: string,
  entries: Entry[],
  outputPath: string,
  only?: ReadonlySet<number>,
): Promise<{ records: number }> {
  const shards = searchShards(entries);
  await mkdir(outputPath, { recursive: true });
  await writeShardsFile(outputPath, { parts: partUrls(shards.length) });
  for (const [i, part] of shards.entries()) {
    if (!only || only.has(i)) await writeBundle(site, part.map(searchRecord), path.join(outputPath, shardDir(i)));
  }
  return { records: entries.length };
}

/** The index of the records changed since the parts were written, in `<outputPath>/recent/`; the languages it holds. */
export async function writeRecentIndex(site: string, entries: Entry[], outputPath: string): Promise<string[]> {
  const records = entries.map(searchRecord);
  await writeBundle(site, records, path.join(outputPath, RECENT_DIR));
  return [...new Set(records.map((r) => r.language))].sort();
}

/** Writes one Pagefind bundle of these records into `outputPath`. */
export async function writeBundle(site: string, records: SearchRecord[], outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new SearchIndexError(site, created.errors);
  const index = created.index;
  try {
    const errors: string[] = [...created.errors];
    // The service answers records in order over one pipe; sending them all at once avoids a round trip each.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    for (const a of added) errors.push(...a.errors);
    const written = await index.writeFiles({ outputPath });
    errors.push(...written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((f) => rm(path.join(outputPath, f), { force: true })));
    if (errors.length) throw new SearchIndexError(site, errors);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * The Pagefind id of each record of a bundle, by address: the name of its
 * fragment file (a gzip JSON after Pagefind's signature), or its key in a
 * group of fragments. The search page's results carry these ids.
 */
export async function fragmentIds(bundleDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const dir = path.join(bundleDir, 'fragment');
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
      const parsed = JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
      if (typeof parsed.url === 'string') ids.set(parsed.url, name.replace(/\.pf_fragment$/, ''));
      else
        for (const [key, fragment] of Object.entries(parsed)) {
          const url = (fragment as { url?: unknown } | null)?.url;
          if (typeof url === 'string') ids.set(url, key);
        }
    }),
  );
  return ids;
}

/** Stops Pagefind's helper process so the caller can exit. */
export function closeSearchService(): Promise<unknown> {
  return pagefind.close();
}

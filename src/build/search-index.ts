import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Entry } from '../content-source/entries.ts';
import { DomainError } from '../errors.ts';
import { searchRecord } from './search-records.ts';

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
/** Beside the first part: the addresses of the others, which the search page merges. */
export const SHARDS_FILE = 'shards.json';

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
  const others = shards
    .map((_, i) => i)
    .filter((i) => i > 0)
    .map((i) => `/pagefind/${shardDir(i)}/`);
  if (!only || only.has(0)) await writeFile(path.join(outputPath, SHARDS_FILE), `${JSON.stringify(others)}\n`);
  for (const [i, part] of shards.entries()) {
    if (!only || only.has(i)) await writeBundle(site, part, path.join(outputPath, shardDir(i)));
  }
  return { records: entries.length };
}

async function writeBundle(site: string, entries: Entry[], outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new SearchIndexError(site, created.errors);
  const index = created.index;
  try {
    const errors: string[] = [...created.errors];
    // The service answers records in order over one pipe; sending them all at once avoids a round trip each.
    const added = await Promise.all(entries.map((entry) => index.addCustomRecord(searchRecord(entry))));
    for (const a of added) errors.push(...a.errors);
    const written = await index.writeFiles({ outputPath });
    errors.push(...written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((f) => rm(path.join(outputPath, f), { force: true })));
    if (errors.length) throw new SearchIndexError(site, errors);
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's helper process so the caller can exit. */
export function closeSearchService(): Promise<unknown> {
  return pagefind.close();
}

import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Entry } from '../content-source/entries.ts';
import { DomainError } from '../errors.ts';
import { searchRecord } from './search-records.ts';

export type SearchIndexErrorData = { site: string; errors: string[] };
export class SearchIndexError extends DomainError<SearchIndexErrorData> {
  static readonly code = 'SEARCH_INDEX_FAILED';
  constructor(site: string, errors: string[]) {
    super(SearchIndexError.code, { site, errors }, `Không tạo được chỉ mục tìm kiếm cho trang ${site}: ${errors.join('; ')}`);
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
 * Writes the Pagefind bundle of one site into `outputPath` (its `pagefind/`).
 * Each record names its language: the Vietnamese entries make the `vi` index,
 * the English pages the `en` one, and the search page loads the index of its
 * `<html lang>` (docs/adr/0023-english-pages.md).
 */
export async function writeSearchIndex(site: string, entries: Entry[], outputPath: string): Promise<{ records: number }> {
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
    return { records: entries.length };
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's helper process so the caller can exit. */
export function closeSearchService(): Promise<unknown> {
  return pagefind.close();
}

import { createHash } from 'node:crypto';
import type { Entry } from '../content-source/entries.ts';
import { shardCount, shardOf } from './search-index.ts';
import { searchRecord } from './search-records.ts';

/**
 * What a publication changes in the search index (docs/adr/0110). Rewriting
 * a part of Pagefind's index costs about a second per thousand records, so a
 * publication writes only the records that changed since the parts were
 * written, as a small index of its own, and names the parts' records it
 * replaces; the parts are rewritten later, in the background.
 */
export interface SearchBase {
  /** Digest of each record in the parts, by address. */
  records: Map<string, string>;
  /** Pagefind id of each record in the parts, by address. */
  ids: Map<string, string>;
}

export interface RecentPlan {
  /** Entries whose record is new or different from the parts': the recent index. */
  recent: Entry[];
  /** Ids in the parts of records changed or gone: hidden from results. */
  superseded: string[];
  /** Identifies the recent index and the hidden ids: equal plans need nothing written; '' when both are empty. */
  key: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/** An entry's record address and digest, kept with the entry object, which is the same while its file is unchanged (docs/adr/0113). */
const recordOf = new WeakMap<Entry, { url: string; digest: string }>();

export function recordDigests(entries: Entry[]): Map<string, { digest: string; entry: Entry }> {
  const records = new Map<string, { digest: string; entry: Entry }>();
  for (const entry of entries) {
    let known = recordOf.get(entry);
    if (!known) {
      const record = searchRecord(entry);
      recordOf.set(entry, (known = { url: record.url, digest: digest(JSON.stringify(record)) }));
    }
    records.set(known.url, { digest: known.digest, entry });
  }
  return records;
}

/**
 * Digest of each part of the index, from its records' digests in order: a
 * part is rewritten only when one of its records changes, comes or goes
 * (docs/adr/0046). Derived from `recordDigests`, so no record is built twice.
 */
export function partDigests(current: ReturnType<typeof recordDigests>): string[] {
  const count = shardCount(current.size);
  const parts: string[][] = Array.from({ length: count }, () => []);
  for (const [url, r] of current) parts[shardOf(url, count)]!.push(r.digest);
  return parts.map((digests) => digest(digests.join(',')));
}

export const baseRecords = (current: ReturnType<typeof recordDigests>) =>
  new Map([...current].map(([url, r]) => [url, r.digest]));

/** How many changed records a recent index may hold before the parts are rewritten with the publication instead. */
export const RECENT_LIMIT = Number(process.env.CONGSO_SEARCH_RECENT_RECORDS) || 200;

/** The recent index for these entries; null when the parts should be rewritten instead (too many changes, or an id unknown). */
export function planRecent(base: SearchBase, current: ReturnType<typeof recordDigests>): RecentPlan | null {
  const recent: Entry[] = [];
  const digests: string[] = [];
  const superseded: string[] = [];
  const supersede = (url: string) => {
    const id = base.ids.get(url);
    if (!id) return false;
    superseded.push(id);
    return true;
  };
  for (const [url, r] of current) {
    if (base.records.get(url) === r.digest) continue;
    recent.push(r.entry);
    digests.push(r.digest);
    if (base.records.has(url) && !supersede(url)) return null;
  }
  for (const url of base.records.keys()) if (!current.has(url) && !supersede(url)) return null;
  if (recent.length + superseded.length > RECENT_LIMIT) return null;
  superseded.sort();
  // The index as the parts alone hold it has no key: nothing to write, nothing to rewrite later.
  const key = recent.length + superseded.length ? digest(JSON.stringify([digests.sort(), superseded])) : '';
  return { recent, superseded, key };
}

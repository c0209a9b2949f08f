import { createHash } from 'node:crypto';
import type { Entry } from '../content-source/entries.ts';
import { isVisibleAt } from '../content-source/timed-visibility.ts';
import {
  DOCUMENT_FACETS,
  type FacetIndex,
  indexFacets,
  isNewestFirst,
  listPath,
  PROCEDURE_FACETS,
  sectionLists,
  sectionOrder,
} from '../lists/list-order.ts';
import { listNavs, listSlots } from '../lists/list-pages.ts';
import { consultationState } from '../schema/content/consultation.ts';
import { SECTION_IDS, type SectionId } from '../schema/sections.ts';
import { formatDateShort } from '../text/format-date.ts';
import type { PageReaders } from './page-readers.ts';
import { stableResort } from '../lists/stable-resort.ts';
import { dependencyKey } from './render-hooks.ts';

/**
 * What each page of a site was made from, and which pages a change makes
 * stale (docs/adr/0046-incremental-rendering-and-page-dependencies.md).
 * While rendering, a page records the keys it read (src/content.ts); after a
 * change, every key gets a digest computed from the checked entries, and a
 * page is rendered again when a key it read has a new digest. A page that
 * recorded nothing is rendered every time: what it depends on is unknown.
 */
export class Digests {
  /**
   * A site's keys come in parts: one per section, the very object of the last generation while the section is
   * unchanged, and one for the keys of the whole site. Two generations are compared part by part, a part they
   * share skipped, so a publication compares the keys of the sections it changed (docs/adr/0114). A key is in one
   * part.
   */
  readonly parts: readonly ReadonlyMap<string, string>[];

  constructor(parts: readonly ReadonlyMap<string, string>[]) {
    this.parts = parts;
  }

  get(key: string): string | undefined {
    for (const part of this.parts) {
      const digest = part.get(key);
      if (digest !== undefined) return digest;
    }
    return undefined;
  }

  *keys(): IterableIterator<string> {
    for (const part of this.parts) yield* part.keys();
  }

  /** Every key and its digest in one map. */
  merged(): ReadonlyMap<string, string> {
    return this.parts.length === 1 ? this.parts[0]! : new Map(this.parts.toReversed().flatMap((part) => [...part]));
  }
}

const hash = (value: unknown) =>
  createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('base64url');

/**
 * An entry's digest, kept with the entry: the check hands back the same entry
 * object while its file is unchanged (src/content-source/entries.ts's memo),
 * so a publication hashes the entries it changed, not all 10,000 (docs/adr/0113).
 */
const entryDigests = new WeakMap<Entry, string>();
function entryDigest(e: Entry): string {
  let d = entryDigests.get(e);
  if (d === undefined) entryDigests.set(e, (d = hash({ data: e.data, html: e.html, text: e.text })));
  return d;
}

/** `updated ?? date`, as src/content.ts shows it. */
function updatedOf(entry: Entry): Date | undefined {
  const d = entry.data as { updated?: Date; date?: Date };
  return d.updated ?? d.date;
}

/** The digest of every key a page of `site` can read, from the entries it is built from (in collection order). */
export function dependencyDigests(site: string, entries: Entry[], now: Date): Digests {
  const parts: ReadonlyMap<string, string>[] = [];
  const bySection = Map.groupBy(entries, (e) => e.section);
  let max: Date | undefined;
  for (const section of SECTION_IDS) {
    const digested = sectionDigests(site, section, bySection.get(section) ?? [], now);
    parts.push(digested.digests);
    if (digested.latest && (!max || digested.latest > max)) max = digested.latest;
  }
  const digests = new Map<string, string>();
  parts.push(digests);
  digests.set(dependencyKey.updated(site), max?.toISOString() ?? '');
  const consultations = (bySection.get('gop-y') ?? []).map((e) =>
    consultationState(e.data as Parameters<typeof consultationState>[0], now),
  );
  digests.set(dependencyKey.time(site), hash([formatDateShort(now), consultations]));
  return new Digests(parts);
}

/**
 * What one section contributes to the digests, and what it was computed
 * from: its entries in collection order, and what `now` makes of each
 * (whether it is on the lists; a consultation's state, which orders its list).
 * A publication changes a section or two: the others are the same entry
 * objects (the check's memo) seen the same way, and their digests are taken
 * as they were instead of sorting, indexing and hashing the section again
 * (docs/adr/0114).
 */
interface SectionDigests {
  entries: readonly Entry[];
  seen: readonly string[];
  /** The entries on the section's lists, in its order: the next change merges into it (src/lists/stable-resort.ts). */
  sorted: readonly Entry[];
  /** Its keys' digests: the same map while the section is unchanged. */
  digests: Map<string, string>;
  latest: Date | undefined;
  /** Each list page's hashed text and digest: a page whose slice and links are unchanged is not hashed again. */
  pages: Map<string, { text: string; digest: string }>;
}
const lastDigests = new Map<string, SectionDigests>();

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));

// Before its publishAt or after its expireAt an entry is on no list (docs/adr/0049), as src/content.ts sees it.
function visible(e: Entry, now: Date): boolean {
  const d = e.data as { publishAt?: unknown; expireAt?: unknown };
  if (!d.publishAt && !d.expireAt) return true;
  return isVisibleAt(
    {
      publishAt: d.publishAt ? asDate(d.publishAt) : undefined,
      expireAt: d.expireAt ? asDate(d.expireAt) : undefined,
    },
    now,
  );
}

/** What `now` makes of an entry, as far as the section's keys are concerned. */
function seenAt(section: SectionId, e: Entry, now: Date): string {
  if (!visible(e, now)) return '';
  return section === 'gop-y' ? consultationState(e.data as Parameters<typeof consultationState>[0], now) : '+';
}

function sectionDigests(site: string, section: SectionId, list: Entry[], now: Date): SectionDigests {
  const memoKey = `${site}/${section}`;
  const last = lastDigests.get(memoKey);
  const seen = list.map((e) => seenAt(section, e, now));
  if (
    last &&
    last.entries.length === list.length &&
    list.every((e, i) => e === last.entries[i] && seen[i] === last.seen[i])
  )
    return last;
  const digests = new Map<string, string>();
  const parts: string[] = [];
  for (const e of list) {
    const d = entryDigest(e);
    digests.set(dependencyKey.entry(site, section, e.slug), d);
    parts.push(`${e.slug}:${d}`);
  }
  digests.set(dependencyKey.section(site, section), hash(parts.join('\n')));
  let latest: Date | undefined;
  for (const e of list) {
    const u = updatedOf(e);
    if (u && (!latest || u > latest)) latest = u;
  }
  digests.set(dependencyKey.updated(site, section), latest?.toISOString() ?? '');
  if (section === 'en')
    digests.set(
      dependencyKey.translations(site),
      hash(list.map((e) => [e.slug, (e.data as { translationOf?: string }).translationOf])),
    );
  const order = sectionOrder((e) => consultationState(e.data, now))[section] as (a: Entry, b: Entry) => number;
  const sorted = stableResort(
    last?.sorted,
    list.filter((_, i) => seen[i] !== ''),
    order,
  );
  const pages = new Map<string, { text: string; digest: string }>();
  listDigests(site, section, sorted, digests, last?.pages ?? new Map(), pages);
  const digested = { entries: list, seen, sorted, digests, latest, pages };
  lastDigests.set(memoKey, digested);
  return digested;
}

/**
 * One digest per page of every list of a section, from the cut its route
 * makes (src/lists/, docs/adr/0112): the entries it shows, in order, its links
 * to other pages, and whether the list offers its sorts. What each entry says
 * is its own key, read by the page as it shows it. The filter options an
 * archive page shows (labels, not counts) have a key per section.
 */
function listDigests(
  site: string,
  section: SectionId,
  sorted: Entry[],
  digests: Map<string, string>,
  before: ReadonlyMap<string, { text: string; digest: string }>,
  pages: Map<string, { text: string; digest: string }>,
): void {
  const facets: { documents?: FacetIndex<Entry>; procedures?: FacetIndex<Entry> } = {};
  if (section === 'van-ban')
    facets.documents = indexFacets(sorted as Entry<'van-ban'>[], DOCUMENT_FACETS) as FacetIndex<Entry>;
  if (section === 'thu-tuc-hanh-chinh')
    facets.procedures = indexFacets(
      sorted as Entry<'thu-tuc-hanh-chinh'>[],
      PROCEDURE_FACETS,
    ) as unknown as FacetIndex<Entry>;
  const index = facets.documents ?? facets.procedures;
  if (index)
    digests.set(
      dependencyKey.facets(site, section),
      hash(index.groups.map((g) => [g.id, g.options.map((o) => [o.key, o.label, o.many])])),
    );
  for (const { filter, sort, entries } of sectionLists(section, sorted, facets)) {
    const newestFirst = isNewestFirst(section, sort);
    const navs = listNavs(entries.length, newestFirst);
    for (const [i, { page, start, end }] of listSlots(entries.length, newestFirst).entries()) {
      const key = dependencyKey.list(site, `/${section}/${listPath(section, { filter, sort, page })}`);
      const text = JSON.stringify({
        slugs: entries.slice(start, end).map((e) => e.slug),
        nav: navs[i],
        many: entries.length > 1,
      });
      const known = before.get(key);
      const digest = known?.text === text ? known.digest : hash(text);
      pages.set(key, { text, digest });
      digests.set(key, digest);
    }
  }
}

/**
 * The keys whose digest differs between `before` and `after`; a key only one of them has is among them. Digests
 * made of as many parts are compared part by part, skipping the parts they share.
 */
export function changedKeys(before: Digests, after: Digests): string[] {
  const paired = before.parts.length === after.parts.length;
  const pairs = paired
    ? before.parts.map((part, i) => [part, after.parts[i]!] as const)
    : [[before.merged(), after.merged()] as const];
  const changed: string[] = [];
  for (const [was, now] of pairs) {
    if (was === now) continue;
    for (const [key, digest] of now) if (was.get(key) !== digest) changed.push(key);
    for (const key of was.keys()) if (!now.has(key)) changed.push(key);
  }
  return changed;
}

export interface RenderPlan {
  /** Paths to render: new ones and stale ones. */
  render: string[];
  /** Paths the site no longer has. */
  remove: string[];
}

/**
 * Compares the pages last rendered (who read what, `readers`) with the paths
 * the site has now. A page is rendered again when a key it read has a new
 * digest, or when what it read is unknown (docs/adr/0046); the stale ones are
 * found from the changed keys, not by going through every page's reads
 * (docs/adr/0114).
 */
export function planRender(
  readers: PageReaders,
  paths: { has(path: string): boolean; keys(): Iterable<string> },
  before: Digests,
  after: Digests,
): RenderPlan {
  const stale = readers.stale(changedKeys(before, after));
  const render: string[] = [];
  for (const p of paths.keys()) if (stale.has(p) || !readers.has(p)) render.push(p);
  const remove: string[] = [];
  for (const p of readers.paths()) if (!paths.has(p)) remove.push(p);
  return { render, remove };
}

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
  sectionOrder,
  siteLists,
} from '../lists/list-order.ts';
import { listNav, listSlots } from '../lists/list-pages.ts';
import { consultationState } from '../schema/content/consultation.ts';
import { SECTION_IDS, type SectionId } from '../schema/sections.ts';
import { formatDateShort } from '../text/format-date.ts';
import type { PageReaders } from './page-readers.ts';
import { dependencyKey } from './render-hooks.ts';

/**
 * What each page of a site was made from, and which pages a change makes
 * stale (docs/adr/0046-incremental-rendering-and-page-dependencies.md).
 * While rendering, a page records the keys it read (src/content.ts); after a
 * change, every key gets a digest computed from the checked entries, and a
 * page is rendered again when a key it read has a new digest. A page that
 * recorded nothing is rendered every time: what it depends on is unknown.
 */
export type Digests = Map<string, string>;

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

function latest(entries: Entry[]): string {
  let max: Date | undefined;
  for (const e of entries) {
    const u = updatedOf(e);
    if (u && (!max || u > max)) max = u;
  }
  return max?.toISOString() ?? '';
}

/** The digest of every key a page of `site` can read, from the entries it is built from (in collection order). */
export function dependencyDigests(site: string, entries: Entry[], now: Date): Digests {
  const digests: Digests = new Map();
  const bySection = Map.groupBy(entries, (e) => e.section);
  for (const section of SECTION_IDS) {
    const list = bySection.get(section) ?? [];
    const parts: string[] = [];
    for (const e of list) {
      const d = entryDigest(e);
      digests.set(dependencyKey.entry(site, section, e.slug), d);
      parts.push(`${e.slug}:${d}`);
    }
    digests.set(dependencyKey.section(site, section), hash(parts.join('\n')));
    digests.set(dependencyKey.updated(site, section), latest(list));
  }
  digests.set(dependencyKey.updated(site), latest(entries));
  const english = bySection.get('en') ?? [];
  digests.set(
    dependencyKey.translations(site),
    hash(english.map((e) => [e.slug, (e.data as { translationOf?: string }).translationOf])),
  );
  const consultations = (bySection.get('gop-y') ?? []).map((e) =>
    consultationState(e.data as Parameters<typeof consultationState>[0], now),
  );
  digests.set(dependencyKey.time(site), hash([formatDateShort(now), consultations]));
  listDigests(site, bySection, now, digests);
  return digests;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));

/**
 * One digest per page of every list, from the cut its route makes
 * (src/lists/, docs/adr/0112): the entries it shows, in order, its links to
 * other pages, and whether the list offers its sorts. What each entry says is
 * its own key, read by the page as it shows it. The filter options an archive
 * page shows (labels, not counts) have a key per section.
 */
function listDigests(site: string, bySection: Map<string, Entry[]>, now: Date, digests: Digests): void {
  // Before its publishAt or after its expireAt an entry is on no list (docs/adr/0049), as src/content.ts sees it.
  const visible = (e: Entry) => {
    const d = e.data as { publishAt?: unknown; expireAt?: unknown };
    return isVisibleAt(
      {
        publishAt: d.publishAt ? asDate(d.publishAt) : undefined,
        expireAt: d.expireAt ? asDate(d.expireAt) : undefined,
      },
      now,
    );
  };
  const order = sectionOrder((e) => consultationState(e.data, now));
  const sections = {} as Record<SectionId, Entry[]>;
  for (const section of SECTION_IDS)
    sections[section] = (bySection.get(section) ?? [])
      .filter(visible)
      .sort(order[section] as (a: Entry, b: Entry) => number);
  const documents = indexFacets(sections['van-ban'] as Entry<'van-ban'>[], DOCUMENT_FACETS) as FacetIndex<Entry>;
  const procedures = indexFacets(sections['thu-tuc-hanh-chinh'] as Entry<'thu-tuc-hanh-chinh'>[], PROCEDURE_FACETS);
  for (const [section, index] of [
    ['van-ban', documents],
    ['thu-tuc-hanh-chinh', procedures],
  ] as const)
    digests.set(
      dependencyKey.facets(site, section),
      hash(index.groups.map((g) => [g.id, g.options.map((o) => [o.key, o.label, o.many])])),
    );
  for (const { section, filter, sort, entries } of siteLists(sections, {
    documents,
    procedures: procedures as FacetIndex<Entry>,
  })) {
    const newestFirst = isNewestFirst(section, sort);
    for (const { page, start, end } of listSlots(entries.length, newestFirst)) {
      const path = `/${section}/${listPath(section, { filter, sort, page })}`;
      digests.set(
        dependencyKey.list(site, path),
        hash({
          slugs: entries.slice(start, end).map((e) => e.slug),
          nav: listNav(entries.length, newestFirst, page),
          many: entries.length > 1,
        }),
      );
    }
  }
}

/** The keys whose digest differs between `before` and `after`; a key only one of them has is among them. */
export function changedKeys(before: Digests, after: Digests): string[] {
  const changed: string[] = [];
  for (const [key, digest] of after) if (before.get(key) !== digest) changed.push(key);
  for (const key of before.keys()) if (!after.has(key)) changed.push(key);
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

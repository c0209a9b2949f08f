import { getCollection } from 'astro:content';
import { buildScopeFromEnv } from './build/build-scope.ts';
import { dependencyKey, type LiveEntry, noteRead, renderHooks } from './build/render-hooks.ts';
import { isSectionEntry } from './content-source/astro-loader.ts';
import { loadDepartments, loadProvince } from './content-source/departments.ts';
import { buildInstant, isVisibleAt } from './content-source/timed-visibility.ts';
import {
  DOCUMENT_FACETS,
  type FacetGroup,
  type FacetIndex,
  type FacetOption,
  indexFacets,
  isNewestFirst,
  type ListFilter,
  listPath as pathOfList,
  PROCEDURE_FACETS,
  type ListView,
  sectionLists,
  sectionOrder,
} from './lists/list-order.ts';
import { stableResort } from './lists/stable-resort.ts';
import { type ListNav, listNav, listSlots } from './lists/list-pages.ts';
import { consultationState, type ConsultationState } from './schema/content/consultation.ts';
import type { EntryData } from './schema/content/index.ts';
import type { Department } from './schema/department.ts';
import type { Province } from './schema/province.ts';
import { SECTION_IDS, VIETNAMESE_SECTIONS, type SectionId } from './schema/sections.ts';
import { viCollator, yearOf } from './text/site-format.ts';

export { REGISTER_SORTS, type FacetGroup, type FacetOption, type RegisterSort } from './lists/list-order.ts';

/**
 * Every query the department pages make, in one module. A build renders
 * thousands of pages from the same few hundred entries, so everything a page
 * needs is computed once per site (sorted lists, facets, counts) and
 * memoised; a page then only slices. Keep per-page work O(page size).
 */

/**
 * "Now" for a build: consultation states and anything dated are as of this
 * moment. A warm renderer moves it forward with each generation
 * (docs/adr/0046): `let`, so importers see the current one.
 */
export let BUILT_AT = renderHooks()?.now ?? buildInstant();

export interface SiteEntry<S extends SectionId = SectionId> {
  section: S;
  site: string;
  slug: string;
  /** Root-relative for the department's host: `/van-ban/<slug>/`. */
  url: string;
  data: EntryData<S>;
  /** Body as plain text (for summaries when the entry has none). */
  text: string;
  /** Body already rendered to safe HTML by the content loader. */
  html: string;
  /** `updated ?? date`: what "Cập nhật" shows. */
  updated: Date;
}

type SectionLists = { [S in SectionId]: SiteEntry<S>[] };

export interface SiteContent {
  department: Department;
  sections: SectionLists;
  /** Latest change in each section, for the "Cập nhật" line of list pages. */
  sectionUpdated: Partial<Record<SectionId, Date>>;
  /** Latest change anywhere on the site. */
  updated?: Date;
}

/* ---------- URLs (root-relative for the department's own host) ---------- */

export function sectionUrl(section: SectionId): string {
  return `/${section}/`;
}

export function entryUrl(section: SectionId, slug: string): string {
  return `/${section}/${slug}/`;
}

export interface ListQuery {
  /** Facet group id (`loai`, `linh-vuc`, …) and option key. */
  filter?: ListFilter;
  /** Omitted or the section's default sort gives the plain URL. */
  sort?: string;
  /** Omitted: the front page (docs/adr/0112). */
  page?: number;
}

/** `/van-ban/loai/quyet-dinh/sap-xep/cu-nhat/trang/2/`; defaults are left out so each view has one URL. */
export function listUrl(section: SectionId, query: ListQuery = {}): string {
  return `/${section}/${pathOfList(section, query)}`;
}

/** The part after `/<section>/`, as the `[...view]` route parameter wants it. */
export function listParam(section: SectionId, query: ListQuery): string | undefined {
  return pathOfList(section, query).replace(/\/$/, '') || undefined;
}

/* ---------- memoisation ---------- */

/**
 * A cold build computes everything once. A warm renderer keeps this module
 * loaded between publications and bumps its generation when content changed:
 * then every memo is dropped and `BUILT_AT` moves to the generation's "now"
 * (docs/adr/0046).
 */
let generation = renderHooks()?.generation ?? 0;
const resets: Array<() => void> = [];

function currentGeneration(): void {
  const hooks = renderHooks();
  if (!hooks || hooks.generation === generation) return;
  generation = hooks.generation;
  BUILT_AT = hooks.now;
  for (const reset of resets) reset();
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  resets.push(() => {
    value = undefined;
  });
  return () => {
    currentGeneration();
    value ??= load();
    return value;
  };
}

function memoBy<K, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new Map<K, T>();
  resets.push(() => cache.clear());
  return (key) => {
    currentGeneration();
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

/**
 * Under a warm renderer, an entry tells the page being rendered that it was
 * read: a page depends on the entries it shows (docs/adr/0046). Its fields
 * become getters; the values are the same.
 */
function readValue<T>(key: string, value: T): T {
  noteRead(key);
  return value;
}

function tracked(entry: SiteEntry): SiteEntry {
  const key = dependencyKey.entry(entry.site, entry.section, entry.slug);
  const { data, text, html, updated } = entry;
  const read = <T>(value: T) => ({ enumerable: true, get: () => readValue(key, value) });
  return Object.defineProperties(
    { section: entry.section, site: entry.site, slug: entry.slug, url: entry.url } as SiteEntry,
    {
      data: read(data),
      text: read(text),
      html: read(html),
      updated: read(updated),
    },
  );
}

/** The same, for a site's lists: reading a section's list depends on the whole section. */
function trackedSite(site: string, content: SiteContent): SiteContent {
  const sections = {} as Record<SectionId, SiteEntry[]>;
  const sectionUpdated: Partial<Record<SectionId, Date>> = {};
  for (const section of SECTION_IDS) {
    Object.defineProperty(sections, section, {
      enumerable: true,
      get: () => readValue(dependencyKey.section(site, section), content.sections[section]),
    });
    Object.defineProperty(sectionUpdated, section, {
      enumerable: true,
      get: () => readValue(dependencyKey.updated(site, section), content.sectionUpdated[section]),
    });
  }
  return Object.defineProperties({ department: content.department } as SiteContent, {
    sections: { enumerable: true, value: sections },
    sectionUpdated: { enumerable: true, value: sectionUpdated },
    updated: { enumerable: true, get: () => readValue(dependencyKey.updated(site), content.updated) },
  });
}

/* ---------- departments ---------- */

const scope = buildScopeFromEnv();

export const getProvince: () => Promise<Province> = once(() => loadProvince(scope.contentRoot));

/** The departments this build covers (`CONGSO_SITES`), sorted by Vietnamese name. */
export const getDepartments: () => Promise<Department[]> = once(async () => {
  const all = await loadDepartments(scope.contentRoot);
  return scope.sites.length ? all.filter((d) => scope.sites.includes(d.id)) : all;
});

export async function getDepartment(site: string): Promise<Department> {
  const found = (await getDepartments()).find((d) => d.id === site);
  if (!found) throw new Error(`Không có trang "${site}" trong phạm vi build.`);
  return found;
}

/* ---------- entries ---------- */

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/**
 * A warm renderer hands over the same entry objects while their files are
 * unchanged (src/build/warm-renderer.ts): what is made of one is kept with it
 * from one generation to the next, not made again for 10,000 entries at each
 * publication (docs/adr/0114). Keyed by the entry's data object, unique to it.
 */
const keptEntries = new WeakMap<object, SiteEntry>();

/** Each tracked entry's plain original (warm renderer only). */
const plainEntries = new WeakMap<SiteEntry, SiteEntry>();

/**
 * The entry without read tracking, for a pass over a whole section whose
 * caller has read the section: the section's key already covers every entry
 * of it (docs/adr/0046), and a tracked read cost a page of a 10,000-entry
 * site about 2 µs per entry, several milliseconds per pass. A page that shows
 * an entry reads it tracked.
 */
export function untracked<E extends SiteEntry>(entry: E): E {
  return (plainEntries.get(entry) as E | undefined) ?? entry;
}

type RawEntry = { data: unknown; rendered?: { html?: string } };

/**
 * One section's entries on the site now, by site: hidden ones left out (docs/adr/0049), each made a `SiteEntry` once;
 * and whether any is timed, so that what is on the site depends on the moment.
 */
function groupSection(
  section: SectionId,
  collection: readonly RawEntry[],
  keep: boolean,
): { bySite: Map<string, SiteEntry[]>; timed: boolean } {
  const bySite = new Map<string, SiteEntry[]>();
  let timed = false;
  for (const raw of collection) {
    const window = raw.data as { publishAt?: unknown; expireAt?: unknown };
    if (window.publishAt || window.expireAt) {
      timed = true;
      // Before its publishAt or after its expireAt an entry is not on the site at all (docs/adr/0049).
      const on = isVisibleAt(
        {
          publishAt: window.publishAt ? asDate(window.publishAt) : undefined,
          expireAt: window.expireAt ? asDate(window.expireAt) : undefined,
        },
        BUILT_AT,
      );
      if (!on) continue;
    }
    let entry = keep ? keptEntries.get(raw.data as object) : undefined;
    if (!entry) {
      const { site, slug, text, ...data } = raw.data as Record<string, unknown> & {
        site: string;
        slug: string;
        text: string;
      };
      const date = asDate(data.date);
      entry = {
        section,
        site,
        slug,
        url: entryUrl(section, slug),
        data: data as unknown as EntryData<SectionId>,
        text,
        html: raw.rendered?.html ?? '',
        updated: data.updated ? asDate(data.updated) : date,
      };
      if (keep) {
        const plain = entry;
        keptEntries.set(raw.data as object, (entry = tracked(plain)));
        plainEntries.set(entry, plain);
      }
    }
    const list = bySite.get(entry.site);
    if (list) list.push(entry);
    else bySite.set(entry.site, [entry]);
  }
  return { bySite, timed };
}

/**
 * A warm renderer's sections as the last generation grouped them, with the entries they came from: a section whose
 * entries are the same objects and none of which is timed gives the same lists, the very arrays, which the sorted
 * lists are then kept with (docs/adr/0114). A publication changes one section; the 10,000 entries of the others are
 * not gone through again.
 */
const keptGroups = new Map<
  SectionId,
  { from: readonly LiveEntry[]; timed: boolean; bySite: Map<string, SiteEntry[]> }
>();

/** Collections hold every site's entries; group them by site once. */
const entriesBySite = once(async () => {
  const bySite = new Map<string, Map<SectionId, SiteEntry[]>>();
  const hooks = renderHooks();
  // A warm renderer hands over the entries it checked; the collections are the build's copy of the same (docs/adr/0047).
  const live = hooks ? Map.groupBy(hooks.entries(), (e) => e.section) : undefined;
  if (hooks) hooks.used = true;
  for (const section of SECTION_IDS) {
    let grouped: Map<string, SiteEntry[]>;
    if (live) {
      const from = live.get(section) ?? [];
      const kept = keptGroups.get(section);
      if (kept && !kept.timed && sameItems(kept.from, from)) grouped = kept.bySite;
      else {
        const made = groupSection(
          section,
          from.map((e) => ({ data: e.data, rendered: { html: e.html } })),
          true,
        );
        keptGroups.set(section, { from, ...made });
        grouped = made.bySite;
      }
    } else grouped = groupSection(section, await getCollection(section, isSectionEntry), false).bySite;
    for (const [site, list] of grouped) {
      let sections = bySite.get(site);
      if (!sections) bySite.set(site, (sections = new Map()));
      sections.set(section, list);
    }
  }
  return bySite;
});

export function stateOf(entry: SiteEntry<'gop-y'>): ConsultationState {
  currentGeneration();
  noteRead(dependencyKey.time(entry.site));
  return consultationState(entry.data, BUILT_AT);
}

type Compare = (a: SiteEntry, b: SiteEntry) => number;

/**
 * The latest change among entries, read untracked by default: a section's or a slot of its list, whose callers read
 * the section. A page that depends on its own entries only reads them tracked (`read = tracking`).
 */
const tracking = (e: SiteEntry) => e;
const latest = (entries: SiteEntry[], read: (e: SiteEntry) => SiteEntry = untracked): Date | undefined =>
  entries.reduce<Date | undefined>((max, e) => {
    const { updated } = read(e);
    return !max || updated > max ? updated : max;
  }, undefined);

/**
 * A section's list as the last generation sorted it, with what it was sorted
 * from: the same entries (kept objects) in the same collection order, the
 * consultations in the same states, give the same list, which the facets and
 * the lists derived from it are kept with (docs/adr/0114). Warm renderer only.
 */
const keptSections = new Map<string, { from: SiteEntry[]; states: string[]; list: SiteEntry[]; updated?: Date }>();
const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

function sortedSection(site: string, section: SectionId, from: SiteEntry[], order: Compare) {
  if (!renderHooks()) {
    const list = [...from].sort(order);
    return { list, updated: latest(list) };
  }
  const key = `${site}/${section}`;
  const kept = keptSections.get(key);
  const states =
    section === 'gop-y' ? from.map((e) => consultationState((e as SiteEntry<'gop-y'>).data, BUILT_AT)) : [];
  if (kept && sameItems(kept.from, from) && sameItems(kept.states, states)) return kept;
  // Sorting reads every entry of the section: untracked, as the pages that show the list read the section.
  const list = stableResort(kept?.list, from, (a, b) => order(untracked(a), untracked(b)));
  const sorted = { from, states, list, updated: latest(list) };
  keptSections.set(key, sorted);
  return sorted;
}

/** A site's content as the lists are cut from it: reading it records nothing (the list pages record their own keys). */
const untrackedContent = memoBy(async (site: string): Promise<SiteContent> => {
  const department = await getDepartment(site);
  const raw = (await entriesBySite()).get(site);
  const sections = {} as Record<SectionId, SiteEntry[]>;
  const sectionUpdated: Partial<Record<SectionId, Date>> = {};
  const order = sectionOrder((e) => stateOf(e as SiteEntry<'gop-y'>));
  for (const section of SECTION_IDS) {
    const { list, updated } = sortedSection(site, section, raw?.get(section) ?? [], order[section] as Compare);
    sections[section] = list;
    sectionUpdated[section] = updated;
  }
  return {
    department,
    sections: sections as SectionLists,
    sectionUpdated,
    // The latest of the sections' latest: the same date as over every entry, without reading 10,000 entries again.
    updated: SECTION_IDS.reduce<Date | undefined>((max, section) => {
      const u = sectionUpdated[section];
      return u && (!max || u > max) ? u : max;
    }, undefined),
  };
});

const siteContent = memoBy(async (site: string): Promise<SiteContent> => {
  const content = await untrackedContent(site);
  return renderHooks() ? trackedSite(site, content) : content;
});

export function getSiteContent(site: string): Promise<SiteContent> {
  return siteContent(site);
}

export async function getSectionEntries<S extends SectionId>(site: string, section: S): Promise<SiteEntry<S>[]> {
  return (await siteContent(site)).sections[section];
}

/** Every department in scope with its content: what `getStaticPaths` iterates. */
export async function getSites(): Promise<SiteContent[]> {
  return Promise.all((await getDepartments()).map((d) => siteContent(d.id)));
}

/* ---------- facets (static filters, docs/adr/0020) ---------- */

/** What is derived from a section's sorted list, kept with the list (the same array while the section is unchanged). */
function keptWith<L extends object, T>(compute: (list: L) => T): (list: L) => T {
  const kept = new WeakMap<L, T>();
  return (list) => {
    let value = kept.get(list);
    if (value === undefined) kept.set(list, (value = compute(list)));
    return value;
  };
}
const documentIndexOf = keptWith((list: SiteEntry<'van-ban'>[]) => indexFacets(list, DOCUMENT_FACETS));
const procedureIndexOf = keptWith((list: SiteEntry<'thu-tuc-hanh-chinh'>[]) => indexFacets(list, PROCEDURE_FACETS));
const documentFacetIndex = memoBy(async (site: string) =>
  documentIndexOf((await untrackedContent(site)).sections['van-ban']),
);
const procedureFacetIndex = memoBy(async (site: string) =>
  procedureIndexOf((await untrackedContent(site)).sections['thu-tuc-hanh-chinh']),
);

// Memoised results are computed for the first page that asks: each later page records the read itself (docs/adr/0046).
export function documentFacets(site: string): Promise<FacetIndex<SiteEntry<'van-ban'>>> {
  noteRead(dependencyKey.section(site, 'van-ban'));
  return documentFacetIndex(site);
}

/** The option a filtered view shows, for its heading and breadcrumb. */
export function activeFacet(groups: FacetGroup[], filter: ListFilter | undefined): FacetOption | undefined {
  return filter && groups.find((g) => g.id === filter.group)?.options.find((o) => o.key === filter.key);
}

/* ---------- lists and their pages (docs/adr/0112) ---------- */

const keptLists = new WeakMap<SiteEntry[], ListView<SiteEntry>[]>();
function listsOf(section: SectionId, list: SiteEntry[]): ListView<SiteEntry>[] {
  let views = keptLists.get(list);
  if (!views)
    keptLists.set(
      list,
      (views = sectionLists(section, list, {
        documents:
          section === 'van-ban'
            ? (documentIndexOf(list as SiteEntry<'van-ban'>[]) as unknown as FacetIndex<SiteEntry>)
            : undefined,
        procedures:
          section === 'thu-tuc-hanh-chinh'
            ? (procedureIndexOf(list as SiteEntry<'thu-tuc-hanh-chinh'>[]) as unknown as FacetIndex<SiteEntry>)
            : undefined,
      })),
    );
  return views;
}

const lists = memoBy(async (site: string) => {
  const { sections } = await untrackedContent(site);
  const views = SECTION_IDS.flatMap((section) => listsOf(section, sections[section] as SiteEntry[]));
  return new Map(views.map((v) => [listUrl(v.section, v), v]));
});

export interface ListPageQuery<S extends SectionId = SectionId> extends ListQuery {
  section: S;
}

/** One page of a list, as its route shows it. */
export interface ListPage<S extends SectionId = SectionId> {
  items: SiteEntry<S>[];
  nav: ListNav;
  /** The address of a page of this list (undefined: its front page). */
  urlOf: (page?: number) => string;
  prevUrl?: string;
  nextUrl?: string;
  /** The front page: the section's latest change; an archive page: the latest of its own entries. */
  updated?: Date;
  /** Whether the list has more than one entry (it then offers its sorts). */
  many: boolean;
  /**
   * The filters beside a register or procedures list. An archive page shows
   * them without their counts, which change with every publication.
   */
  facets?: FacetGroup[];
}

/**
 * A page of a list. An archive page records one key, its own, whose digest
 * the renderer computes from the same cut (src/build/page-dependencies.ts):
 * it is rendered again only when what it shows changed (docs/adr/0112).
 * The front page depends on the whole section, as before.
 */
export async function listPage<S extends SectionId>(site: string, query: ListPageQuery<S>): Promise<ListPage<S>> {
  const { section, filter, sort, page } = query;
  const view = (await lists(site)).get(listUrl(section, { filter, sort }));
  const entries = view?.entries ?? [];
  const newestFirst = isNewestFirst(section, sort);
  const slot = listSlots(entries.length, newestFirst).find((s) => s.page === page);
  if (!slot) throw new Error(`Danh sách ${listUrl(section, query)} không có trang này.`);
  noteRead(dependencyKey.list(site, listUrl(section, query)));
  const items = entries.slice(slot.start, slot.end) as SiteEntry<S>[];
  const front = slot.page === undefined;
  const nav = listNav(entries.length, newestFirst, slot.page);
  const urlOf = (n?: number) => listUrl(section, { filter, sort, page: n });
  const content = front ? await siteContent(site) : undefined;
  const facetIndex =
    section === 'van-ban'
      ? await documentFacetIndex(site)
      : section === 'thu-tuc-hanh-chinh'
        ? await procedureFacetIndex(site)
        : undefined;
  if (front) noteRead(dependencyKey.section(site, section));
  else if (facetIndex) noteRead(dependencyKey.facets(site, section));
  return {
    items,
    nav,
    urlOf,
    prevUrl: nav.prev && urlOf(nav.prev.page),
    nextUrl: nav.next && urlOf(nav.next.page),
    // Read tracked: an archive page depends on its own entries, not on the section.
    updated: content ? content.sectionUpdated[section] : latest(items, tracking),
    many: entries.length > 1,
    facets:
      facetIndex &&
      (front
        ? facetIndex.groups
        : facetIndex.groups.map((g) => ({ id: g.id, options: g.options.map(({ count: _, ...o }) => o) }))),
  };
}

/** Every page of every list of a site, with what it shows: what the routes build and the sitemap lists. */
/**
 * The latest change among a list page's entries, kept with the list, which is
 * kept while its section is unchanged (docs/adr/0114): the sitemap asks it of
 * every archive page of a 10,000-entry site at each publication. The sitemap
 * reads the sections themselves, so it still depends on every entry
 * (docs/adr/0115).
 */
const slotLatest = new WeakMap<SiteEntry[], Map<string, Date | undefined>>();
function latestOfSlot(entries: SiteEntry[], start: number, end: number): Date | undefined {
  let slots = slotLatest.get(entries);
  if (!slots) slotLatest.set(entries, (slots = new Map()));
  const slot = `${start}:${end}`;
  if (!slots.has(slot)) slots.set(slot, latest(entries.slice(start, end)));
  return slots.get(slot);
}

/** Once per generation: three routes and each sitemap part ask for the 2,000 list pages of a 10,000-entry site. */
export const listPagesOf: (
  site: string,
) => Promise<Array<ListPageQuery & { path: string; front: boolean; lastmod: Date | undefined }>> = memoBy(
  async (site: string) => {
    const pages = [];
    for (const { section, filter, sort, entries } of (await lists(site)).values()) {
      for (const { page, start, end } of listSlots(entries.length, isNewestFirst(section, sort))) {
        const query = { section, filter, sort, page };
        pages.push({
          ...query,
          path: listUrl(section, query),
          front: page === undefined,
          lastmod: latestOfSlot(entries, start, end),
        });
      }
    }
    return pages;
  },
);

/* ---------- home page and search page ---------- */

export interface HomeContent {
  urgent: SiteEntry<'tin-tuc'>[];
  news: SiteEntry<'tin-tuc'>[];
  documents: SiteEntry<'van-ban'>[];
  consultations: SiteEntry<'gop-y'>[];
}

/** The flagged news, kept with the section's list; the home page reads the section, so it follows every flag. */
const urgentOf = keptWith((news: SiteEntry<'tin-tuc'>[]) => news.filter((e) => untracked(e).data.urgent).slice(0, 3));

export async function getHomeContent(site: string): Promise<HomeContent> {
  const { sections } = await siteContent(site);
  // Editors clear `urgent` when a notice is over; the home page shows what they flagged, newest first.
  const urgent = urgentOf(sections['tin-tuc']);
  return {
    urgent,
    news: sections['tin-tuc'].filter((e) => !urgent.includes(e)).slice(0, 5),
    documents: sections['van-ban'].slice(0, 5),
    consultations: sections['gop-y'].filter((e) => stateOf(e) === 'dang-lay-y-kien'),
  };
}

export interface SearchOptions {
  types: string[];
  fields: string[];
  years: string[];
}

/**
 * Values offered in the search page's selects: only those that exist on this
 * site, spelled as the index holds them (`src/build/search-records.ts`):
 * the year is that of `issued` for documents and of `date` for the rest.
 */
/**
 * The fields and years a section's entries offer the search page, kept with
 * the section's list, which is kept while it is unchanged (docs/adr/0114,
 * 0115). Reading the section records what the search page depends on.
 */
const keptSearchValues = new WeakMap<SiteEntry[], { fields: Set<string>; years: Set<string> }>();
function searchValuesOf(entries: SiteEntry[]): { fields: Set<string>; years: Set<string> } {
  let found = keptSearchValues.get(entries);
  if (found) return found;
  found = { fields: new Set(), years: new Set() };
  for (const entry of entries) {
    const data = untracked(entry).data as { field?: string; issued?: Date; date: Date };
    if (data.field) found.fields.add(data.field);
    found.years.add(yearOf(data.issued ?? data.date));
  }
  keptSearchValues.set(entries, found);
  return found;
}

export async function getSearchOptions(site: string): Promise<SearchOptions> {
  const { sections } = await siteContent(site);
  const docs = await documentFacets(site);
  const fields = new Set<string>();
  const years = new Set<string>();
  for (const { id: section } of VIETNAMESE_SECTIONS) {
    const found = searchValuesOf(sections[section] as SiteEntry[]);
    for (const field of found.fields) fields.add(field);
    for (const year of found.years) years.add(year);
  }
  return {
    types: docs.groups.find((g) => g.id === 'loai')?.options.map((o) => o.label) ?? [],
    fields: [...fields].sort(viCollator.compare),
    years: [...years].sort().reverse(),
  };
}

/* ---------- the English pages and their Vietnamese originals (docs/adr/0023) ---------- */

export const ENGLISH_HOME = '/en/';
export const ENGLISH_SEARCH = '/en/search/';
export const SEARCH_PAGE = '/tim-kiem/';

/** The two addresses of one page, root-relative; absent when the page has no translation. */
export interface Alternates {
  vi: string;
  en: string;
}

/** Vietnamese path → English entry translating it, and the reverse: both directions of `hreflang`. */
const translationIndex = memoBy(async (site: string) => {
  const english = await getSectionEntries(site, 'en');
  const byVietnamese = new Map<string, Alternates>();
  const byEnglish = new Map<string, Alternates>();
  const add = (pair: Alternates) => {
    if (!byVietnamese.has(pair.vi)) byVietnamese.set(pair.vi, pair);
    byEnglish.set(pair.en, pair);
  };
  if (english.length) {
    add({ vi: '/', en: ENGLISH_HOME });
    add({ vi: SEARCH_PAGE, en: ENGLISH_SEARCH });
  }
  for (const entry of english) add({ vi: entry.data.translationOf, en: entry.url });
  return { byVietnamese, byEnglish };
});

/** The page in the other language, if there is one: what the `hreflang` links and the language switch point to. */
export async function alternatesOf(site: string, path: string): Promise<Alternates | undefined> {
  noteRead(dependencyKey.translations(site));
  const index = await translationIndex(site);
  return index.byEnglish.get(path) ?? index.byVietnamese.get(path);
}

/** Where the link to the other language goes: the translation when there is one, else the other language's home. */
export async function languageSwitchOf(site: string, path: string, lang: 'vi' | 'en'): Promise<string | undefined> {
  noteRead(dependencyKey.translations(site));
  const pair = await alternatesOf(site, path);
  if (pair) return lang === 'vi' ? pair.en : pair.vi;
  if (lang === 'en') return '/';
  return (await translationIndex(site)).byEnglish.has(ENGLISH_HOME) ? ENGLISH_HOME : undefined;
}

import { getCollection } from 'astro:content';
import { buildScopeFromEnv } from './build/build-scope.ts';
import { dependencyKey, noteRead, renderHooks } from './build/render-hooks.ts';
import { isSectionEntry } from './content-source/astro-loader.ts';
import { loadDepartments, loadProvince } from './content-source/departments.ts';
import { buildInstant, isVisibleAt } from './content-source/timed-visibility.ts';
import { consultationState, type ConsultationState } from './schema/content/consultation.ts';
import type { EntryData } from './schema/content/index.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './schema/content/legal-document.ts';
import { ONLINE_LEVELS } from './schema/content/procedure.ts';
import type { Department } from './schema/department.ts';
import type { Province } from './schema/province.ts';
import { SECTION_IDS, VIETNAMESE_SECTIONS, type SectionId } from './schema/sections.ts';
import { slugify } from './text/fold.ts';
import { numericCollator, viCollator, yearOf } from './text/site-format.ts';

/**
 * Every query the department pages make, in one module. A build renders
 * thousands of pages from the same few hundred entries, so everything a page
 * needs is computed once per site (sorted lists, facets, counts) and
 * memoised; a page then only slices. Keep per-page work O(page size).
 */

export const PAGE_SIZE = 20;
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
  filter?: { group: string; key: string };
  /** Omitted or the section's default sort gives the plain URL. */
  sort?: string;
  page?: number;
}

/** `/van-ban/loai/quyet-dinh/sap-xep/cu-nhat/trang/2/`; defaults are left out so each view has one URL. */
export function listUrl(section: SectionId, query: ListQuery = {}): string {
  return `/${section}/${listPath(section, query)}`;
}

/** The part after `/<section>/`, as the `[...view]` route parameter wants it. */
export function listPath(section: SectionId, { filter, sort, page }: ListQuery): string {
  let path = '';
  if (filter) path += `${filter.group}/${filter.key}/`;
  if (sort && sort !== DEFAULT_SORT[section]) path += `sap-xep/${sort}/`;
  if (page && page > 1) path += `trang/${page}/`;
  return path;
}

export function listParam(section: SectionId, query: ListQuery): string | undefined {
  return listPath(section, query).replace(/\/$/, '') || undefined;
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

/** Collections hold every site's entries; group them by site once. */
const entriesBySite = once(async () => {
  const bySite = new Map<string, Map<SectionId, SiteEntry[]>>();
  const hooks = renderHooks();
  // A warm renderer hands over the entries it checked; the collections are the build's copy of the same (docs/adr/0047).
  const live = hooks ? Map.groupBy(hooks.entries(), (e) => e.section) : undefined;
  if (hooks) hooks.used = true;
  for (const section of SECTION_IDS) {
    const collection = live
      ? (live.get(section) ?? []).map((e) => ({ data: e.data, rendered: { html: e.html } }))
      : await getCollection(section, isSectionEntry);
    for (const raw of collection) {
      const { site, slug, text, ...data } = raw.data as Record<string, unknown> & {
        site: string;
        slug: string;
        text: string;
      };
      // Before its publishAt or after its expireAt an entry is not on the site at all (docs/adr/0049).
      if (
        !isVisibleAt(
          {
            publishAt: data.publishAt ? asDate(data.publishAt) : undefined,
            expireAt: data.expireAt ? asDate(data.expireAt) : undefined,
          },
          BUILT_AT,
        )
      )
        continue;
      const date = asDate(data.date);
      const entry: SiteEntry = {
        section,
        site,
        slug,
        url: entryUrl(section, slug),
        data: data as unknown as EntryData<SectionId>,
        text,
        html: raw.rendered?.html ?? '',
        updated: data.updated ? asDate(data.updated) : date,
      };
      let sections = bySite.get(site);
      if (!sections) bySite.set(site, (sections = new Map()));
      const list = sections.get(section) ?? [];
      list.push(hooks ? tracked(entry) : entry);
      sections.set(section, list);
    }
  }
  return bySite;
});

type Compare<S extends SectionId> = (a: SiteEntry<S>, b: SiteEntry<S>) => number;

const byTitle = (a: SiteEntry, b: SiteEntry) => viCollator.compare(a.data.title, b.data.title);
const byDateDesc = (a: SiteEntry, b: SiteEntry) => b.data.date.getTime() - a.data.date.getTime() || byTitle(a, b);
const byOrderThenTitle = (
  a: SiteEntry<'gioi-thieu' | 'danh-ba' | 'en'>,
  b: SiteEntry<'gioi-thieu' | 'danh-ba' | 'en'>,
) => a.data.order - b.data.order || byTitle(a, b);

const CONSULTATION_RANK: Record<ConsultationState, number> = { 'dang-lay-y-kien': 0, 'sap-mo': 1, 'da-ket-thuc': 2 };

export function stateOf(entry: SiteEntry<'gop-y'>): ConsultationState {
  currentGeneration();
  noteRead(dependencyKey.time(entry.site));
  return consultationState(entry.data, BUILT_AT);
}

/** The order a citizen expects in each section's list. */
const SECTION_ORDER: { [S in SectionId]: Compare<S> } = {
  'gioi-thieu': byOrderThenTitle,
  'van-ban': (a, b) =>
    b.data.issued.getTime() - a.data.issued.getTime() || numericCollator.compare(a.data.number, b.data.number),
  'thu-tuc-hanh-chinh': byTitle,
  'tin-tuc': byDateDesc,
  'danh-ba': byOrderThenTitle,
  'du-an-dau-thau': byDateDesc,
  'hoat-dong-truc-tuyen': (a, b) => Number(b.data.active) - Number(a.data.active) || byTitle(a, b),
  // Open consultations first (a citizen can still act on them), then upcoming, then closed.
  'gop-y': (a, b) =>
    CONSULTATION_RANK[stateOf(a)] - CONSULTATION_RANK[stateOf(b)] || b.data.closes.getTime() - a.data.closes.getTime(),
  'hoi-dap': byDateDesc,
  'tiep-can-thong-tin': byTitle,
  en: byOrderThenTitle,
};

const latest = (entries: SiteEntry[]): Date | undefined =>
  entries.reduce<Date | undefined>((max, e) => (!max || e.updated > max ? e.updated : max), undefined);

const siteContent = memoBy(async (site: string): Promise<SiteContent> => {
  const department = await getDepartment(site);
  const raw = (await entriesBySite()).get(site);
  const sections = {} as Record<SectionId, SiteEntry[]>;
  const sectionUpdated: Partial<Record<SectionId, Date>> = {};
  for (const section of SECTION_IDS) {
    const list = [...(raw?.get(section) ?? [])].sort(SECTION_ORDER[section] as Compare<SectionId>);
    sections[section] = list;
    sectionUpdated[section] = latest(list);
  }
  const content = {
    department,
    sections: sections as SectionLists,
    sectionUpdated,
    updated: latest(Object.values(sections).flat()),
  };
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

/* ---------- pagination ---------- */

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  prevUrl?: string;
  nextUrl?: string;
  urlOf: (page: number) => string;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function paginate<T>(items: T[], page: number, urlOf: (page: number) => string): Page<T> {
  const pages = pageCount(items.length);
  return {
    items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    page,
    pages,
    total: items.length,
    prevUrl: page > 1 ? urlOf(page - 1) : undefined,
    nextUrl: page < pages ? urlOf(page + 1) : undefined,
    urlOf,
  };
}

/* ---------- facets (static filters, docs/adr/0020) ---------- */

export interface FacetOption {
  group: string;
  /** URL segment. */
  key: string;
  label: string;
  count: number;
}

export interface FacetGroup {
  id: string;
  options: FacetOption[];
}

interface FacetDef<S extends SectionId> {
  id: string;
  /** Key and label of an entry's value in this group. */
  valueOf: (entry: SiteEntry<S>) => { key: string; label: string };
  /** Display order of the options; defaults to Vietnamese collation of the labels. */
  order?: (a: FacetOption, b: FacetOption) => number;
}

export interface FacetIndex<S extends SectionId> {
  groups: FacetGroup[];
  /** `<group>/<key>` → entries in the section's default order. */
  members: Map<string, SiteEntry<S>[]>;
}

/** The unfiltered list and one list per facet option, with their sizes: the pages a faceted section pre-renders. */
export function facetViews(
  index: Pick<FacetIndex<SectionId>, 'groups'>,
  total: number,
): Array<{ filter?: ListQuery['filter']; total: number }> {
  return [
    { total },
    ...index.groups.flatMap((g) => g.options.map((o) => ({ filter: { group: o.group, key: o.key }, total: o.count }))),
  ];
}

/** The option a filtered view shows, for its heading and breadcrumb. */
export function activeFacet(
  index: Pick<FacetIndex<SectionId>, 'groups'>,
  filter: ListQuery['filter'] | undefined,
): FacetOption | undefined {
  return filter && index.groups.find((g) => g.id === filter.group)?.options.find((o) => o.key === filter.key);
}

function indexFacets<S extends SectionId>(entries: SiteEntry<S>[], defs: FacetDef<S>[]): FacetIndex<S> {
  const members = new Map<string, SiteEntry<S>[]>();
  const groups = defs.map((def) => {
    const options = new Map<string, FacetOption>();
    for (const entry of entries) {
      const { key, label } = def.valueOf(entry);
      const option = options.get(key) ?? { group: def.id, key, label, count: 0 };
      option.count += 1;
      options.set(key, option);
      const id = `${def.id}/${key}`;
      const list = members.get(id);
      if (list) list.push(entry);
      else members.set(id, [entry]);
    }
    const sorted = [...options.values()].sort(def.order ?? ((a, b) => viCollator.compare(a.label, b.label)));
    return { id: def.id, options: sorted };
  });
  return { groups, members };
}

const enumOrder = (labels: Record<string, string>) => {
  const keys = Object.keys(labels);
  return (a: FacetOption, b: FacetOption) => keys.indexOf(a.key) - keys.indexOf(b.key);
};

const DOCUMENT_FACETS: FacetDef<'van-ban'>[] = [
  {
    id: 'loai',
    valueOf: (e) => ({ key: e.data.documentType, label: DOCUMENT_TYPES[e.data.documentType] }),
    order: enumOrder(DOCUMENT_TYPES),
  },
  { id: 'linh-vuc', valueOf: (e) => ({ key: slugify(e.data.field), label: e.data.field }) },
  {
    id: 'nam',
    valueOf: (e) => ({ key: yearOf(e.data.issued), label: yearOf(e.data.issued) }),
    order: (a, b) => b.key.localeCompare(a.key),
  },
  {
    id: 'hieu-luc',
    valueOf: (e) => ({ key: e.data.status, label: DOCUMENT_STATUSES[e.data.status] }),
    order: enumOrder(DOCUMENT_STATUSES),
  },
];

const PROCEDURE_FACETS: FacetDef<'thu-tuc-hanh-chinh'>[] = [
  { id: 'linh-vuc', valueOf: (e) => ({ key: slugify(e.data.field), label: e.data.field }) },
  {
    id: 'muc-do',
    valueOf: (e) => ({ key: e.data.onlineLevel, label: ONLINE_LEVELS[e.data.onlineLevel] }),
    order: enumOrder(ONLINE_LEVELS),
  },
];

const documentFacetIndex = memoBy(async (site: string) =>
  indexFacets(await getSectionEntries(site, 'van-ban'), DOCUMENT_FACETS),
);
const procedureFacetIndex = memoBy(async (site: string) =>
  indexFacets(await getSectionEntries(site, 'thu-tuc-hanh-chinh'), PROCEDURE_FACETS),
);

// Memoised results are computed for the first page that asks: each later page records the read itself (docs/adr/0046).
export function documentFacets(site: string): Promise<FacetIndex<'van-ban'>> {
  noteRead(dependencyKey.section(site, 'van-ban'));
  return documentFacetIndex(site);
}

export function procedureFacets(site: string): Promise<FacetIndex<'thu-tuc-hanh-chinh'>> {
  noteRead(dependencyKey.section(site, 'thu-tuc-hanh-chinh'));
  return procedureFacetIndex(site);
}

/* ---------- the legal-document register ---------- */

export const REGISTER_SORTS = ['moi-nhat', 'cu-nhat', 'so-ky-hieu'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

const DEFAULT_SORT: Partial<Record<SectionId, string>> = { 'van-ban': 'moi-nhat' };

const REGISTER_ORDER: Record<RegisterSort, Compare<'van-ban'> | undefined> = {
  'moi-nhat': undefined, // the section's own order
  'cu-nhat': (a, b) =>
    a.data.issued.getTime() - b.data.issued.getTime() || numericCollator.compare(a.data.number, b.data.number),
  'so-ky-hieu': (a, b) => numericCollator.compare(a.data.number, b.data.number),
};

const registerViews = memoBy((key: string) => {
  const [site, filter, sort] = key.split('|') as [string, string, RegisterSort];
  return (async () => {
    const base = filter
      ? ((await documentFacets(site)).members.get(filter) ?? [])
      : await getSectionEntries(site, 'van-ban');
    const order = REGISTER_ORDER[sort];
    return order ? [...base].sort(order) : base;
  })();
});

/** Documents of one register view (filter × sort), sorted once per build. */
export function registerView(
  site: string,
  filter: ListQuery['filter'],
  sort: RegisterSort,
): Promise<SiteEntry<'van-ban'>[]> {
  noteRead(dependencyKey.section(site, 'van-ban'));
  return registerViews(`${site}|${filter ? `${filter.group}/${filter.key}` : ''}|${sort}`);
}

/* ---------- every pre-rendered view: what the routes build and the sitemap lists ---------- */

export interface RegisterViewQuery {
  filter?: ListQuery['filter'];
  sort: RegisterSort;
  page: number;
}

/** Each filter × sort × page of the register (docs/adr/0020); one document has one order, so its view gets no sort variants. */
export async function registerViewsOf(site: string): Promise<RegisterViewQuery[]> {
  const views: RegisterViewQuery[] = [];
  const facets = await documentFacets(site);
  for (const { filter, total } of facetViews(facets, (await getSectionEntries(site, 'van-ban')).length)) {
    for (const sort of total > 1 ? REGISTER_SORTS : REGISTER_SORTS.slice(0, 1)) {
      for (let page = 1; page <= pageCount(total); page++) views.push({ filter, sort, page });
    }
  }
  return views;
}

/** Each filter × page of the procedures (docs/adr/0020). */
export async function procedureViewsOf(site: string): Promise<Array<{ filter?: ListQuery['filter']; page: number }>> {
  const views: Array<{ filter?: ListQuery['filter']; page: number }> = [];
  const facets = await procedureFacets(site);
  for (const { filter, total } of facetViews(facets, (await getSectionEntries(site, 'thu-tuc-hanh-chinh')).length)) {
    for (let page = 1; page <= pageCount(total); page++) views.push({ filter, page });
  }
  return views;
}

/* ---------- home page and search page ---------- */

export interface HomeContent {
  urgent: SiteEntry<'tin-tuc'>[];
  news: SiteEntry<'tin-tuc'>[];
  documents: SiteEntry<'van-ban'>[];
  consultations: SiteEntry<'gop-y'>[];
}

export async function getHomeContent(site: string): Promise<HomeContent> {
  const { sections } = await siteContent(site);
  // Editors clear `urgent` when a notice is over; the home page shows what they flagged, newest first.
  const urgent = sections['tin-tuc'].filter((e) => e.data.urgent).slice(0, 3);
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
export async function getSearchOptions(site: string): Promise<SearchOptions> {
  const { sections } = await siteContent(site);
  const docs = await documentFacets(site);
  const fields = new Set<string>();
  const years = new Set<string>();
  for (const { id: section } of VIETNAMESE_SECTIONS) {
    for (const entry of sections[section] as SiteEntry[]) {
      const data = entry.data as { field?: string; issued?: Date; date: Date };
      if (data.field) fields.add(data.field);
      years.add(yearOf(data.issued ?? data.date));
    }
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

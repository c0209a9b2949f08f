import type { ConsultationState } from '../schema/content/consultation.ts';
import type { EntryData } from '../schema/content/index.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { ONLINE_LEVELS } from '../schema/content/procedure.ts';
import type { SectionId } from '../schema/sections.ts';
import { slugify } from '../text/fold.ts';
import { numericCollator, viCollator, yearOf } from '../text/site-format.ts';

/**
 * The order of every list a department site shows, and the filters of the
 * register and the procedures (docs/adr/0020). Pure and shared: the pages
 * (src/content.ts) sort with it, and the renderer computes each list page's
 * digest with it (src/build/page-dependencies.ts, docs/adr/0112), so both
 * agree on which entries a page shows.
 */
export interface Listed<S extends SectionId = SectionId> {
  data: EntryData<S>;
}

type Compare<S extends SectionId> = (a: Listed<S>, b: Listed<S>) => number;

const byTitle = (a: Listed, b: Listed) => viCollator.compare(a.data.title, b.data.title);
const byDateDesc = (a: Listed, b: Listed) => b.data.date.getTime() - a.data.date.getTime() || byTitle(a, b);
const byOrderThenTitle = (a: Listed<'gioi-thieu' | 'danh-ba' | 'en'>, b: Listed<'gioi-thieu' | 'danh-ba' | 'en'>) =>
  a.data.order - b.data.order || byTitle(a, b);

const CONSULTATION_RANK: Record<ConsultationState, number> = { 'dang-lay-y-kien': 0, 'sap-mo': 1, 'da-ket-thuc': 2 };

/** The order a citizen expects in each section's list; a consultation's place depends on its state (`stateOf`). */
export function sectionOrder(stateOf: (entry: Listed<'gop-y'>) => ConsultationState): { [S in SectionId]: Compare<S> } {
  return {
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
      CONSULTATION_RANK[stateOf(a)] - CONSULTATION_RANK[stateOf(b)] ||
      b.data.closes.getTime() - a.data.closes.getTime(),
    'hoi-dap': byDateDesc,
    'tiep-can-thong-tin': byTitle,
    en: byOrderThenTitle,
  };
}

export const REGISTER_SORTS = ['moi-nhat', 'cu-nhat', 'so-ky-hieu'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export const DEFAULT_SORT: Partial<Record<SectionId, string>> = { 'van-ban': 'moi-nhat' };

export const REGISTER_ORDER: Record<RegisterSort, Compare<'van-ban'> | undefined> = {
  'moi-nhat': undefined, // the section's own order
  'cu-nhat': (a, b) =>
    a.data.issued.getTime() - b.data.issued.getTime() || numericCollator.compare(a.data.number, b.data.number),
  'so-ky-hieu': (a, b) => numericCollator.compare(a.data.number, b.data.number),
};

/** Lists shown newest first, whose pages are numbered from the oldest end (docs/adr/0112). */
const NEWEST_FIRST_SECTIONS: readonly SectionId[] = ['tin-tuc', 'du-an-dau-thau', 'hoi-dap', 'van-ban'];

export function isNewestFirst(section: SectionId, sort?: string): boolean {
  return NEWEST_FIRST_SECTIONS.includes(section) && (sort ?? DEFAULT_SORT[section]) === DEFAULT_SORT[section];
}

export interface FacetDef<S extends SectionId> {
  id: string;
  /** Key and label of an entry's value in this group. */
  valueOf: (entry: Listed<S>) => { key: string; label: string };
  /** Display order of the options, by key and label; defaults to Vietnamese collation of the labels. */
  order?: (a: { key: string; label: string }, b: { key: string; label: string }) => number;
}

const enumOrder = (labels: Record<string, string>) => {
  const keys = Object.keys(labels);
  return (a: { key: string }, b: { key: string }) => keys.indexOf(a.key) - keys.indexOf(b.key);
};

export const DOCUMENT_FACETS: FacetDef<'van-ban'>[] = [
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

export const PROCEDURE_FACETS: FacetDef<'thu-tuc-hanh-chinh'>[] = [
  { id: 'linh-vuc', valueOf: (e) => ({ key: slugify(e.data.field), label: e.data.field }) },
  {
    id: 'muc-do',
    valueOf: (e) => ({ key: e.data.onlineLevel, label: ONLINE_LEVELS[e.data.onlineLevel] }),
    order: enumOrder(ONLINE_LEVELS),
  },
];

export interface FacetOption {
  group: string;
  /** URL segment. */
  key: string;
  label: string;
  /** How many entries have it; left out where it is not shown (docs/adr/0112). */
  count?: number;
  /** More than one: its view offers the sorts. */
  many: boolean;
}

export interface FacetGroup {
  id: string;
  options: FacetOption[];
}

export interface FacetIndex<T> {
  groups: FacetGroup[];
  /** `<group>/<key>` → entries in the section's default order. */
  members: Map<string, T[]>;
}

export function indexFacets<S extends SectionId, T extends Listed<S>>(
  entries: T[],
  defs: FacetDef<S>[],
): FacetIndex<T> {
  const members = new Map<string, T[]>();
  const groups = defs.map((def) => {
    const options = new Map<string, FacetOption>();
    for (const entry of entries) {
      const { key, label } = def.valueOf(entry);
      const option = options.get(key) ?? { group: def.id, key, label, count: 0, many: false };
      option.count = (option.count ?? 0) + 1;
      option.many = option.count > 1;
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

/** A filter as the URL names it. */
export interface ListFilter {
  group: string;
  key: string;
}

/** The register's views (filter × sort) that have pages: one document's view gets no sort variants (docs/adr/0020). */
export function registerViews<T extends Listed<'van-ban'>>(
  sorted: T[],
  facets: FacetIndex<T>,
): Array<{ filter?: ListFilter; sort: RegisterSort; entries: T[] }> {
  // Sorting the whole register once per order and filtering keeps each view's order exactly that of sorting its members
  // (the sort is stable and the members are in the section's order).
  const bySort = new Map(
    REGISTER_SORTS.map((s) => [s, REGISTER_ORDER[s] ? [...sorted].sort(REGISTER_ORDER[s]) : sorted] as const),
  );
  // Each entry's filters, from the index: one pass per order puts it in every view it belongs to.
  const idsOf = new Map<T, string[]>();
  for (const [id, members] of facets.members)
    for (const e of members) {
      const ids = idsOf.get(e);
      if (ids) ids.push(id);
      else idsOf.set(e, [id]);
    }
  const filtered = new Map(
    REGISTER_SORTS.map((sort) => {
      const byId = new Map<string, T[]>();
      for (const e of bySort.get(sort)!)
        for (const id of idsOf.get(e) ?? []) {
          const list = byId.get(id);
          if (list) list.push(e);
          else byId.set(id, [e]);
        }
      return [sort, byId] as const;
    }),
  );
  const views: Array<{ filter?: ListFilter; sort: RegisterSort; entries: T[] }> = [];
  const add = (filter: ListFilter | undefined, many: boolean) => {
    for (const sort of many ? REGISTER_SORTS : REGISTER_SORTS.slice(0, 1)) {
      const entries = filter ? (filtered.get(sort)!.get(`${filter.group}/${filter.key}`) ?? []) : bySort.get(sort)!;
      views.push({ filter, sort, entries });
    }
  };
  add(undefined, sorted.length > 1);
  for (const g of facets.groups) for (const o of g.options) add({ group: o.group, key: o.key }, o.many);
  return views;
}

/** The procedures' views: the list and one per filter option, in the section's order. */
export function procedureViews<T extends Listed<'thu-tuc-hanh-chinh'>>(
  sorted: T[],
  facets: FacetIndex<T>,
): Array<{ filter?: ListFilter; entries: T[] }> {
  return [
    { entries: sorted },
    ...facets.groups.flatMap((g) =>
      g.options.map((o) => ({
        filter: { group: o.group, key: o.key },
        entries: facets.members.get(`${o.group}/${o.key}`) ?? [],
      })),
    ),
  ];
}

/** One list a site pre-renders: a section's, or a view of the register or the procedures. */
export interface ListView<T> {
  section: SectionId;
  filter?: ListFilter;
  /** The register's sort; omitted elsewhere. */
  sort?: RegisterSort;
  entries: T[];
}

/** Sections without a paged list of their own: the English pages are under /en/, access to information is one page (docs/adr/0048). */
const NO_PAGED_LIST: readonly SectionId[] = ['en', 'tiep-can-thong-tin'];

/**
 * The paged lists of one section, from its entries in its order
 * (`sectionOrder`): what the routes pre-render, the sitemap lists and the
 * renderer digests, a section at a time (docs/adr/0114).
 */
export function sectionLists<T extends Listed>(
  section: SectionId,
  entries: T[],
  facets: { documents?: FacetIndex<T>; procedures?: FacetIndex<T> },
): ListView<T>[] {
  if (NO_PAGED_LIST.includes(section)) return [];
  if (section === 'van-ban')
    return registerViews(
      entries as Array<T & Listed<'van-ban'>>,
      facets.documents as FacetIndex<T & Listed<'van-ban'>>,
    ).map((v) => ({ section, ...v }));
  if (section === 'thu-tuc-hanh-chinh')
    return procedureViews(
      entries as Array<T & Listed<'thu-tuc-hanh-chinh'>>,
      facets.procedures as FacetIndex<T & Listed<'thu-tuc-hanh-chinh'>>,
    ).map((v) => ({ section, ...v }));
  return [{ section, entries }];
}

/** `/van-ban/loai/quyet-dinh/sap-xep/cu-nhat/trang/2/` without the leading `/<section>/`; defaults are left out so each view has one URL. */
export function listPath(
  section: SectionId,
  { filter, sort, page }: { filter?: ListFilter; sort?: string; page?: number },
): string {
  let path = '';
  if (filter) path += `${filter.group}/${filter.key}/`;
  if (sort && sort !== DEFAULT_SORT[section]) path += `sap-xep/${sort}/`;
  // A newest-first list numbers its archive from 1 (docs/adr/0112); elsewhere page 1 is the front page.
  if (page !== undefined && (page > 1 || isNewestFirst(section, sort))) path += `trang/${page}/`;
  return path;
}

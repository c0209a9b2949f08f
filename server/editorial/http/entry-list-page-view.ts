import { NATIONAL_CALENDAR, workingDaysBetween, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { SECTION_IDS, sectionInfo, type SectionId } from '#src/schema/sections.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import { decapEntryPath } from '../board-work.ts';
import type { EntryRow } from '../entry-list.ts';
import { EVENT_LABELS, STATE_LABELS, type WorkflowState } from '../editorial-workflow.ts';

/** `/quan-tri/bai-viet/`: every entry of the department (Điều 19), filtered, sorted and paged in the address. */
export const ENTRY_LIST_PATH = '/quan-tri/bai-viet/';
export const ENTRIES_PER_PAGE = 50;
export const ENTRY_SORTS = ['moi-nhat', 'cu-nhat', 'tieu-de', 'chuyen-muc'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];
const STATES = Object.keys(STATE_LABELS) as WorkflowState[];

export interface EntryListQuery {
  section?: SectionId;
  state?: WorkflowState;
  sort: EntrySort;
  /** 1-based. */
  page: number;
}

export interface EntryListProps {
  site: Site;
  actor: AccountRecord;
  rows: readonly EntryRow[];
  query: EntryListQuery;
  now: number;
  calendar?: WorkingCalendar;
}

export interface EntryListRowView {
  title: string;
  /** The entry's history page, with compare and restore. */
  href: string;
  /** The entry in Decap. */
  cmsHref: string;
  section: string;
  state: string;
  author: string;
  lastStep: string;
  age: string;
}

export interface EntryListPageView {
  frame: FrameView;
  heading: string;
  filters: FieldView[];
  caption: string;
  rows: EntryListRowView[];
  pager: { text: string; previous: string | null; next: string | null } | null;
}

const collator = new Intl.Collator('vi');
const person = (p: { name: string; username: string } | null) =>
  p ? (p.username ? t('common.person', p) : p.name) : t('common.none');

/** The address of the list with these choices; only what differs from the defaults is written. */
export function entryListHref(query: EntryListQuery): string {
  const params = new URLSearchParams();
  if (query.section) params.set('chuyen-muc', query.section);
  if (query.state) params.set('trang-thai', query.state);
  if (query.sort !== 'moi-nhat') params.set('sap-xep', query.sort);
  if (query.page > 1) params.set('trang', String(query.page));
  const search = params.toString();
  return search ? `${ENTRY_LIST_PATH}?${search}` : ENTRY_LIST_PATH;
}

/** Reads the list's choices from the query string; anything unknown is the default. */
export function entryListQuery(read: (name: string) => string | undefined): EntryListQuery {
  const oneOf = <T extends string>(values: readonly T[], value: string | undefined) =>
    (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
  const page = Math.trunc(Number(read('trang')));
  return {
    section: oneOf(SECTION_IDS, read('chuyen-muc')),
    state: oneOf(STATES, read('trang-thai')),
    sort: oneOf(ENTRY_SORTS, read('sap-xep')) ?? 'moi-nhat',
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 10_000) : 1,
  };
}

const updatedAt = (row: EntryRow) => row.lastStep?.at ?? '';
const titleKey = (row: EntryRow) => (row.withheld ? '' : (row.title ?? row.key.slug));

function compare(sort: EntrySort): (a: EntryRow, b: EntryRow) => number {
  if (sort === 'cu-nhat')
    return (a, b) => updatedAt(a).localeCompare(updatedAt(b)) || collator.compare(titleKey(a), titleKey(b));
  if (sort === 'tieu-de') return (a, b) => collator.compare(titleKey(a), titleKey(b));
  if (sort === 'chuyen-muc')
    return (a, b) =>
      SECTION_IDS.indexOf(a.key.section) - SECTION_IDS.indexOf(b.key.section) ||
      collator.compare(titleKey(a), titleKey(b));
  return (a, b) => updatedAt(b).localeCompare(updatedAt(a)) || collator.compare(titleKey(a), titleKey(b));
}

/** A state secret is said to be one, so a verified one does not read as waiting for the head (docs/adr/0108). */
function stateLabel(row: EntryRow): string {
  const state = STATE_LABELS[row.state];
  if (row.stateSecret) return t('entries.stateSecret', { state });
  return row.live && row.state !== 'published' ? t('entries.liveDraft', { state }) : state;
}

export function entryListPageView(props: EntryListProps): EntryListPageView {
  const { query } = props;
  const heading = t('entries.title');
  const chosen = props.rows
    .filter((r) => (!query.section || r.key.section === query.section) && (!query.state || r.state === query.state))
    .sort(compare(query.sort));
  const pages = Math.max(1, Math.ceil(chosen.length / ENTRIES_PER_PAGE));
  const page = Math.min(query.page, pages);
  const shown = chosen.slice((page - 1) * ENTRIES_PER_PAGE, page * ENTRIES_PER_PAGE);
  const all = { value: '', label: t('common.all') };
  return {
    frame: frameView({ title: heading, site: props.site, account: props.actor }),
    heading,
    filters: [
      {
        id: 'chuyen-muc',
        label: t('entries.filterSection'),
        control: 'select',
        options: [
          all,
          ...SECTION_IDS.map((s) => ({ value: s, label: sectionInfo(s).label, selected: query.section === s })),
        ],
      },
      {
        id: 'trang-thai',
        label: t('entries.filterState'),
        control: 'select',
        options: [all, ...STATES.map((s) => ({ value: s, label: STATE_LABELS[s], selected: query.state === s }))],
      },
      {
        id: 'sap-xep',
        label: t('entries.sort'),
        control: 'select',
        options: ENTRY_SORTS.map((s) => ({ value: s, label: t(`entries.sort.${s}`), selected: query.sort === s })),
      },
    ],
    caption: chosen.length
      ? t('entries.caption', {
          from: (page - 1) * ENTRIES_PER_PAGE + 1,
          to: (page - 1) * ENTRIES_PER_PAGE + shown.length,
          count: chosen.length,
        })
      : t('entries.empty'),
    rows: shown.map((row) => ({
      title: row.withheld ? t('entries.withheld') : (row.title ?? row.key.slug),
      href: `/quan-tri/bai-viet/${row.key.section}/${row.key.slug}`,
      cmsHref: decapEntryPath(row.key),
      section: sectionInfo(row.key.section).label,
      state: stateLabel(row),
      author: person(row.author),
      lastStep: row.lastStep
        ? t('entries.lastStep', {
            step: EVENT_LABELS[row.lastStep.event],
            at: formatDateTime(row.lastStep.at),
            by: person(row.lastStep.by),
          })
        : t('entries.noStep'),
      age: row.lastStep
        ? t('work.age', {
            days: Math.max(
              0,
              workingDaysBetween(new Date(row.lastStep.at), new Date(props.now), props.calendar ?? NATIONAL_CALENDAR),
            ),
          })
        : t('common.none'),
    })),
    pager:
      pages > 1
        ? {
            text: t('entries.page', { page, pages }),
            previous: page > 1 ? entryListHref({ ...query, page: page - 1 }) : null,
            next: page < pages ? entryListHref({ ...query, page: page + 1 }) : null,
          }
        : null,
  };
}

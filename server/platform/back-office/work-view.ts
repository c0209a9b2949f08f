import { NATIONAL_CALENDAR, workingDaysBetween, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { READY_WORKING_DAYS, REVIEW_WORKING_DAYS } from '#src/checks/compliance.ts';
import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import type { DataTableView } from '../ui/components/data-table.ts';
import { t } from '../ui/vi.ts';
import type { WorkItem, WorkKind } from '../work-items.ts';

/** The order the groups are read in: the Điều 19 steps first, then cases, then the site's health. */
export const WORK_KINDS: readonly WorkKind[] = ['verify', 'publish', 'sent-back', 'case', 'build-failed', 'compliance'];

export interface WorkGroupView {
  kind: WorkKind;
  /** The heading's id, for `aria-labelledby`. */
  id: string;
  heading: string;
  hint: string;
  count: number;
  /** The first cell of each row links to `data.href`, where the item is handled. */
  table: DataTableView;
}

export interface WorkView {
  total: number;
  summary: string;
  groups: WorkGroupView[];
}

function hint(kind: WorkKind): string {
  if (kind === 'verify') return t('work.hint.verify', { days: REVIEW_WORKING_DAYS });
  if (kind === 'publish') return t('work.hint.publish', { days: READY_WORKING_DAYS });
  return t(`work.hint.${kind}`);
}

/**
 * What waits for the person, grouped by kind, each item with its age in
 * working days and its deadline (docs/adr/0091): late items first in each
 * group, then the longest waiting.
 */
export function workView(
  items: readonly WorkItem[],
  now: number,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): WorkView {
  const groups: WorkGroupView[] = [];
  for (const kind of WORK_KINDS) {
    const mine = items
      .filter((i) => i.kind === kind)
      .sort((a, b) => Number(b.late) - Number(a.late) || (a.since ?? '').localeCompare(b.since ?? ''));
    if (mine.length === 0) continue;
    const heading = t(`work.kind.${kind}`);
    groups.push({
      kind,
      id: `viec-${kind}`,
      heading,
      hint: hint(kind),
      count: mine.length,
      table: {
        caption: t('work.caption', { title: heading, count: mine.length }),
        captionHidden: true,
        headers: [t('work.col.what'), t('work.col.since'), t('work.col.age'), t('work.col.due'), t('work.col.status')],
        rowHeaders: true,
        rows: mine.map((item) => ({
          cells: [
            item.title,
            item.since ? formatDateTime(item.since) : t('common.none'),
            item.since
              ? t('work.age', { days: Math.max(0, workingDaysBetween(new Date(item.since), new Date(now), calendar)) })
              : t('common.none'),
            item.dueAt ? formatDateShort(item.dueAt) : t('work.noDeadline'),
            item.late ? t('work.late') : item.dueAt ? t('work.onTime') : t('common.none'),
          ],
          data: { href: item.href, ...(item.late ? { late: 'true' } : {}) },
        })),
      },
    });
  }
  return {
    total: items.length,
    summary: items.length ? t('work.summary', { count: items.length }) : t('work.none'),
    groups,
  };
}

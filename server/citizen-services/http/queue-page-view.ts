import { SERVICE_IDS, SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import { CASE_STATUSES, type CaseRecord } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { type FrameView, frameView, type NavLink } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { DeadlineStatus } from '#src/calendar/working-days.ts';
import { CASES_PATH, casePath, DISPOSALS_PATH } from './case-paths.ts';

export interface QueuePageProps {
  site: Site;
  account: AccountRecord;
  /** The overdue queue rather than the whole one. */
  overdue: boolean;
  rows: ReadonlyArray<{ record: CaseRecord; deadline: DeadlineStatus | null }>;
  filters: { service?: string; status?: string; mine?: boolean };
}

export interface QueueRow {
  trackingCode: string;
  href: string;
  service: string;
  subject: string;
  status: string;
  /** The deadline now running, with how close it is; null once the case is closed. */
  due: { at: string; flag: { level: DeadlineStatus; label: string } | null } | null;
}

export interface QueuePageView {
  frame: FrameView;
  title: string;
  links: NavLink[];
  filters: FieldView[];
  rows: QueueRow[];
}

/** A queue of cases, oldest first, with its filters (Điều 15); the head also reaches the grants. */
export function queuePageView(props: QueuePageProps): QueuePageView {
  const title = t(props.overdue ? 'queue.overdueTitle' : 'queue.title');
  const all = { value: '', label: t('common.all') };
  const links: NavLink[] = [
    { href: `${CASES_PATH}/`, text: t('queue.all') },
    { href: `${CASES_PATH}/qua-han`, text: t('queue.overdue') },
    { href: `${CASES_PATH}/?cua-toi=1`, text: t('queue.mine') },
  ];
  if (props.account.role === 'head') {
    links.push(
      { href: `${CASES_PATH}/phan-quyen`, text: t('queue.grants') },
      { href: DISPOSALS_PATH, text: t('queue.disposals') },
    );
  }
  return {
    frame: frameView({ title, site: props.site, account: props.account }),
    title,
    links,
    filters: [
      {
        id: 'loc-dich-vu',
        name: 'dich-vu',
        label: t('queue.filterService'),
        control: 'select',
        options: [
          all,
          ...SERVICE_IDS.map((s) => ({ value: s, label: SERVICE_LABELS[s], selected: props.filters.service === s })),
        ],
      },
      {
        id: 'loc-trang-thai',
        name: 'trang-thai',
        label: t('queue.filterStatus'),
        control: 'select',
        options: [
          all,
          ...CASE_STATUSES.map((s) => ({
            value: s,
            label: t(`case.status.${s}`),
            selected: props.filters.status === s,
          })),
        ],
      },
    ],
    rows: props.rows.map(({ record, deadline }) => ({
      trackingCode: record.trackingCode,
      href: casePath(record.id),
      service: SERVICE_LABELS[record.service],
      subject: record.subject,
      status: t(`case.status.${record.status}`),
      due: record.dueAt
        ? {
            at: formatDateTime(record.dueAt),
            flag: deadline ? { level: deadline, label: t(`case.deadline.${deadline}`) } : null,
          }
        : null,
    })),
  };
}

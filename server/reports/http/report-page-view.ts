import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { type FrameView, frameView, type NavLink } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { UsageReport } from '../usage-report.ts';
import { type ReportFiguresView, reportFiguresView } from './report-figures-view.ts';

export const REPORT_PATH = '/quan-tri/bao-cao/';

export interface ReportPageProps {
  site: Site;
  actor: AccountRecord;
  /** What the form shows: the period asked for (even when invalid). */
  periodInput: string;
  /** `''` for the whole province; offered only to the administrator. */
  siteFilter: string;
  departments: ReadonlyArray<{ id: string; name: string }>;
  /** Absent when the period could not be read. */
  report?: UsageReport;
  previous?: string;
  next?: string;
  /** The period typed could not be read. */
  invalidPeriod?: boolean;
}

/** A link of the report: the CSV is a file to save, the rest are pages. */
interface ReportLink extends NavLink {
  download?: boolean;
}

export interface ReportPageView {
  frame: FrameView;
  error: ErrorSummaryView | null;
  fields: FieldView[];
  /** Previous and next period, and the downloads of this one. */
  links: ReportLink[];
  figures: ReportFiguresView | null;
}

function query(period: string, siteFilter: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ky: period, ...(siteFilter ? { 'don-vi': siteFilter } : {}), ...extra });
  return `${REPORT_PATH}?${params.toString()}`;
}

function links(props: ReportPageProps, report: UsageReport): ReportLink[] {
  const list: ReportLink[] = [];
  if (props.previous) list.push({ href: query(props.previous, props.siteFilter), text: t('report.previous') });
  if (props.next) list.push({ href: query(props.next, props.siteFilter), text: t('report.next') });
  list.push({
    href: query(report.period.id, props.siteFilter, { 'dinh-dang': 'csv' }),
    text: t('report.csv'),
    download: true,
  });
  list.push({ href: query(report.period.id, props.siteFilter, { 'dinh-dang': 'json' }), text: t('report.json') });
  return list;
}

/** The usage report of Điều 16: the period form, and the report when the period could be read. */
export function reportPageView(props: ReportPageProps): ReportPageView {
  const fields: FieldView[] = [
    {
      id: 'ky',
      label: t('report.period'),
      hint: t('report.periodHint'),
      value: props.periodInput,
      invalid: props.invalidPeriod,
    },
  ];
  // Only the province administrator, on the portal, chooses a department; a department host always reports on its own.
  if (props.actor.role === 'admin' && props.site.kind === 'portal') {
    fields.push({
      id: 'don-vi',
      label: t('report.department'),
      control: 'select',
      options: [
        { value: '', label: t('report.province'), selected: props.siteFilter === '' },
        ...props.departments.map((d) => ({ value: d.id, label: d.name, selected: props.siteFilter === d.id })),
      ],
    });
  }
  return {
    frame: frameView({ title: t('report.title'), site: props.site, account: props.actor }),
    error: props.invalidPeriod
      ? { title: t('report.failed'), message: t('report.invalidPeriod', { input: props.periodInput }) }
      : null,
    fields,
    links: props.report ? links(props, props.report) : [],
    figures: props.report ? reportFiguresView(props.report) : null,
  };
}

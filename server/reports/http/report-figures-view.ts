import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import { formatNumber } from '#src/text/format-number.ts';
import { t } from '#server/platform/ui/vi.ts';
import { type BarChartInput, SERIES_COLORS } from '../svg-chart.ts';
import type { UsageFigures, UsageReport } from '../usage-report.ts';

export interface FiguresTable {
  caption: string;
  firstHeader: string;
  rows: Array<{ label: string; cells: string[] }>;
  totals: string[];
}

export interface ReportFiguresView {
  documentTitle: string;
  heading: string;
  window: string;
  summary: Array<{ term: string; detail: string }>;
  /** Each chart comes with the table of the same numbers, which is what a screen reader reads. */
  byService: { chart: BarChartInput; table: FiguresTable };
  /** Only when the report covers the province. */
  byDepartment: { chart: BarChartInput; table: FiguresTable } | null;
  /** Response rate and distribution of ratings per service and, province-wide, per department (docs/adr/0058). */
  satisfaction: { byService: FiguresTable; byDepartment: FiguresTable | null };
}

const num = (n: number | null) => (n === null ? t('common.none') : formatNumber(n));

function cells(f: UsageFigures): string[] {
  const rating =
    f.rated > 0 ? t('report.ratedCount', { average: num(f.averageRating), rated: num(f.rated) }) : num(f.averageRating);
  return [
    num(f.received),
    num(f.accepted),
    num(f.resolved),
    num(f.resolvedOnTime),
    num(f.resolvedLate),
    num(f.overdueNow),
    num(f.averageHandlingDays),
    rating,
  ];
}

const percent = (n: number | null) => (n === null ? t('common.none') : t('report.percent', { value: formatNumber(n) }));

function satisfactionCells(f: UsageFigures): string[] {
  return [num(f.rateable), num(f.rated), percent(f.responseRate), ...f.ratings.map(num), num(f.averageRating)];
}

function chart(id: string, title: string, rows: ReadonlyArray<{ label: string; f: UsageFigures }>): BarChartInput {
  const sum = (pick: (f: UsageFigures) => number) => rows.reduce((n, r) => n + pick(r.f), 0);
  return {
    id,
    title,
    desc: t('report.chartDescription', {
      total: sum((f) => f.received),
      onTime: sum((f) => f.resolvedOnTime),
      late: sum((f) => f.resolvedLate),
      overdue: sum((f) => f.overdueNow),
    }),
    categories: rows.map((r) => r.label),
    series: [
      { label: t('report.col.received'), color: SERIES_COLORS.received, values: rows.map((r) => r.f.received) },
      { label: t('report.col.onTime'), color: SERIES_COLORS.onTime, values: rows.map((r) => r.f.resolvedOnTime) },
      { label: t('report.col.late'), color: SERIES_COLORS.late, values: rows.map((r) => r.f.resolvedLate) },
      { label: t('report.col.overdue'), color: SERIES_COLORS.overdue, values: rows.map((r) => r.f.overdueNow) },
    ],
  };
}

/** One table of figures: a row per service or department, then the totals, each row's cells from `cellsOf`. */
function table(
  caption: string,
  firstHeader: string,
  rows: ReadonlyArray<{ label: string; f: UsageFigures }>,
  totals: UsageFigures,
  cellsOf: (f: UsageFigures) => string[] = cells,
): FiguresTable {
  return {
    caption,
    firstHeader,
    rows: rows.map((r) => ({ label: r.label, cells: cellsOf(r.f) })),
    totals: cellsOf(totals),
  };
}

/** The figures of a usage report (Điều 16) as the page and the CLI's HTML file show them. */
export function reportFiguresView(report: UsageReport): ReportFiguresView {
  const { totals: f, period } = report;
  const scope = report.scope === 'province' ? t('report.province') : (report.sites[0]?.site.name ?? '');
  const serviceRows = report.services.map((r) => ({ label: r.label, f: r }));
  const siteRows = report.sites.map((s) => ({ label: s.site.name, f: s.totals }));
  const p = { period: period.label };
  return {
    documentTitle: t('report.documentTitle', p),
    heading: t('report.scope', { period: period.label, scope }),
    window: t('report.window', {
      from: formatDateShort(period.firstDay),
      to: formatDateShort(period.lastDay),
      asOf: formatDateTime(report.asOf),
    }),
    summary: [
      { term: t('report.received'), detail: num(f.received) },
      {
        term: t('report.resolved'),
        detail: t('report.resolvedDetail', {
          resolved: num(f.resolved),
          onTime: num(f.resolvedOnTime),
          late: num(f.resolvedLate),
        }),
      },
      { term: t('report.overdue'), detail: num(f.overdueNow) },
      { term: t('report.comments'), detail: num(report.comments) },
      { term: t('report.answered'), detail: num(report.questionsAnswered) },
      {
        term: t('report.satisfaction'),
        detail:
          f.rated > 0
            ? t('report.rating', { average: num(f.averageRating), satisfied: num(f.satisfied), rated: num(f.rated) })
            : t('report.notRated'),
      },
      {
        term: t('report.responseRate'),
        detail: t('report.responseRateDetail', {
          rated: num(f.rated),
          rateable: num(f.rateable),
          rate: percent(f.responseRate),
        }),
      },
    ],
    satisfaction: {
      byService: table(t('report.tableSatisfactionService', p), t('report.service'), serviceRows, f, satisfactionCells),
      byDepartment:
        report.scope === 'province'
          ? table(t('report.tableSatisfactionDepartment', p), t('report.department'), siteRows, f, satisfactionCells)
          : null,
    },
    byService: {
      chart: chart('bieu-do-dich-vu', t('report.chartService', p), serviceRows),
      table: table(t('report.tableService', p), t('report.service'), serviceRows, f),
    },
    byDepartment:
      report.scope === 'province'
        ? {
            chart: chart('bieu-do-don-vi', t('report.chartDepartment', p), siteRows),
            table: table(t('report.tableDepartment', p), t('report.department'), siteRows, f),
          }
        : null,
  };
}

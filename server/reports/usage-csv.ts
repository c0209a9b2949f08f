import type { UsageFigures, UsageReport } from './usage-report.ts';
import { formatCsv } from '#src/text/csv.ts';

/**
 * The usage report as one flat table: a row per department and service, a
 * total row per department and, province-wide, the province's rows. Figures
 * are plain numbers (decimal point, no grouping) so a spreadsheet sums them;
 * an empty cell means "nothing to average".
 */
export const FIGURE_COLUMNS: ReadonlyArray<[keyof UsageFigures, string]> = [
  ['received', 'Tiếp nhận'],
  ['accepted', 'Đã thụ lý'],
  ['resolved', 'Đã giải quyết'],
  ['resolvedOnTime', 'Giải quyết đúng hạn'],
  ['resolvedLate', 'Giải quyết trễ hạn'],
  ['overdueNow', 'Đang quá hạn'],
  ['averageHandlingDays', 'Số ngày làm việc xử lý bình quân'],
  ['rateable', 'Hồ sơ kết thúc được mời đánh giá'],
  ['rated', 'Số lượt đánh giá'],
  ['responseRate', 'Tỷ lệ đánh giá (%)'],
  ['averageRating', 'Điểm hài lòng bình quân (1–5)'],
  ['satisfied', 'Số lượt hài lòng (4–5 điểm)'],
];

/** The distribution of ratings, one column per score (docs/adr/0058). */
const RATING_COLUMNS = [1, 2, 3, 4, 5].map((score) => `Số lượt ${score} điểm`);

export const CSV_HEADER = [
  'Kỳ báo cáo',
  'Mã đơn vị',
  'Đơn vị',
  'Mã dịch vụ',
  'Dịch vụ',
  ...FIGURE_COLUMNS.map(([, h]) => h),
  ...RATING_COLUMNS,
];
export const TOTAL_SERVICE_ID = 'tong-cong';
export const PROVINCE_SITE_ID = 'toan-tinh';

export interface UsageCsvRow {
  period: string;
  site: string;
  siteName: string;
  service: string;
  serviceName: string;
  figures: UsageFigures;
}

function figureCells(f: UsageFigures): Array<number | null> {
  return [...FIGURE_COLUMNS.map(([key]) => f[key] as number | null), ...f.ratings];
}

export function usageReportCsv(report: UsageReport): string {
  const period = report.period.label;
  const rows: Array<Array<string | number | null>> = [CSV_HEADER];
  const block = (siteId: string, siteName: string, services: UsageReport['services'], totals: UsageFigures) => {
    for (const row of services) rows.push([period, siteId, siteName, row.service, row.label, ...figureCells(row)]);
    rows.push([period, siteId, siteName, TOTAL_SERVICE_ID, 'Tổng cộng', ...figureCells(totals)]);
  };
  for (const s of report.sites) block(s.site.id, s.site.name, s.services, s.totals);
  if (report.scope === 'province') block(PROVINCE_SITE_ID, 'Toàn tỉnh', report.services, report.totals);
  return formatCsv(rows);
}

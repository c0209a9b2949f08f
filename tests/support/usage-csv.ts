import { parse } from 'csv-parse/sync';
import { CSV_HEADER, FIGURE_COLUMNS, type UsageCsvRow } from '#server/reports/usage-csv.ts';
import type { UsageFigures } from '#server/reports/usage-report.ts';

/** Reads a usage CSV back into figures, with a CSV library rather than our own reader: the inverse of usageReportCsv. */
export function parseUsageCsv(text: string): UsageCsvRow[] {
  const [header, ...records] = parse(text, { bom: true, relax_column_count: false }) as string[][];
  if (!header || header.join('\u0000') !== CSV_HEADER.join('\u0000')) throw new RangeError('not a usage report CSV');
  return records.map((cells) => {
    const figures = Object.fromEntries(
      FIGURE_COLUMNS.map(([key], i) => {
        const cell = cells[5 + i] ?? '';
        return [key, cell === '' ? null : Number(cell)];
      }),
    ) as unknown as UsageFigures;
    return {
      period: cells[0]!,
      site: cells[1]!,
      siteName: cells[2]!,
      service: cells[3]!,
      serviceName: cells[4]!,
      figures,
    };
  });
}

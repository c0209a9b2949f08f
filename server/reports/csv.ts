import { AppError } from '#server/platform/app-error.ts';
import { BOM } from '#src/text/csv.ts';

/** The writer is shared with the sites' open data (src/text/csv.ts); reading back is the reports' own. */
export { BOM, formatCsv } from '#src/text/csv.ts';

export type CsvErrorData = { line: number; reason: 'unterminated-quote' | 'text-after-quote' };

export class CsvParseError extends AppError<CsvErrorData> {
  static readonly code = 'E_CSV_PARSE';
  constructor(data: CsvErrorData) {
    super(CsvParseError.code, 400, data, `CSV parse error on line ${data.line}: ${data.reason}`);
  }
}

/** The records of a CSV text (BOM, CRLF or LF accepted), each as its fields. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let current = '';
  let line = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        current += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line += 1;
        current += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && current === '' && !afterQuote) {
      quoted = true;
    } else if (ch === ',') {
      row.push(current);
      current = '';
      afterQuote = false;
    } else if (ch === '\r' || ch === '\n') {
      row.push(current);
      rows.push(row);
      row = [];
      current = '';
      afterQuote = false;
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      line += 1;
    } else {
      if (afterQuote) throw new CsvParseError({ line, reason: 'text-after-quote' });
      current += ch;
    }
    i += 1;
  }
  if (quoted) throw new CsvParseError({ line, reason: 'unterminated-quote' });
  if (current !== '' || row.length > 0 || afterQuote) {
    row.push(current);
    rows.push(row);
  }
  return rows;
}

import { CsvParseError } from './errors.ts';

/**
 * RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled. Written with a UTF-8 byte order
 * mark because Excel, which most offices open reports in, reads a CSV
 * without one in the machine's legacy code page and garbles Vietnamese.
 */
export const BOM = '\uFEFF';

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
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

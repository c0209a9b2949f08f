/**
 * RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled. Written with a UTF-8 byte order
 * mark because Excel, which most offices open these files in, reads a CSV
 * without one in the machine's legacy code page and garbles Vietnamese.
 *
 * A text that begins like a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return) gets a leading apostrophe, so a spreadsheet shows it instead of
 * running it: what an editor or a citizen typed is data, never evaluated
 * (OWASP "CSV Injection"; docs/adr/0025-open-data.md). Numbers are written as
 * they are.
 */
export const BOM = '\uFEFF';

/** What a spreadsheet would take for a formula at the start of a cell. */
export const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `${BOM + rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

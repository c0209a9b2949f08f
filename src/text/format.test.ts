import { describe, expect, it } from 'vitest';
import { formatDateLong, formatDateShort, formatDateTime } from './format-date.ts';
import { formatNumber, formatVnd } from './format-number.ts';
import { InvalidFormatInputError } from './errors.ts';

describe('dates', () => {
  it('writes the date line of a document', () => {
    expect(formatDateLong(new Date('2007-11-16T03:00:00Z'))).toBe('ngày 16 tháng 11 năm 2007');
    expect(formatDateShort(new Date('2007-11-16T03:00:00Z'))).toBe('16/11/2007');
  });

  it('zero-pads days below 10 and the months 1 and 2 in the long form, as Nghị định 30/2020 asks', () => {
    expect(formatDateLong('2020-02-05')).toBe('ngày 05 tháng 02 năm 2020');
    expect(formatDateLong('2008-01-01')).toBe('ngày 01 tháng 01 năm 2008');
    expect(formatDateLong('2007-04-10')).toBe('ngày 10 tháng 4 năm 2007');
  });

  it('zero-pads day and month in the short form', () => {
    expect(formatDateShort('2008-01-05')).toBe('05/01/2008');
  });

  it('uses the calendar day in Vietnam, whatever the server’s time zone', () => {
    // 17:00 UTC on the 15th is midnight on the 16th in Huế (UTC+7).
    const instant = new Date('2007-11-15T17:00:00Z');
    expect(formatDateShort(instant)).toBe('16/11/2007');
    expect(formatDateLong(instant)).toBe('ngày 16 tháng 11 năm 2007');
    expect(formatDateShort(new Date('2007-11-15T16:59:59Z'))).toBe('15/11/2007');
  });

  it('accepts timestamps and ISO strings', () => {
    expect(formatDateShort(Date.UTC(2007, 10, 16))).toBe('16/11/2007');
    expect(formatDateShort('2007-11-16T08:30:00+07:00')).toBe('16/11/2007');
  });

  it('writes a moment as date and clock time in Vietnam, seconds only when asked', () => {
    // 03:40:05 UTC is 10:40:05 in Huế; 17:05 UTC on the 28th is already the 29th there.
    expect(formatDateTime(new Date('2026-11-29T03:40:05Z'))).toBe('29/11/2026 10:40');
    expect(formatDateTime(Date.parse('2026-11-29T03:40:05Z'), { seconds: true })).toBe('29/11/2026 10:40:05');
    expect(formatDateTime('2026-11-28T17:05:00Z')).toBe('29/11/2026 00:05');
    expect(() => formatDateTime('hôm qua')).toThrow(InvalidFormatInputError);
  });

  it('refuses an invalid date', () => {
    expect(() => formatDateLong('ngày mai')).toThrow(InvalidFormatInputError);
    try {
      formatDateShort(new Date(Number.NaN));
    } catch (error) {
      expect((error as InvalidFormatInputError).code).toBe('INVALID_FORMAT_INPUT');
      expect((error as InvalidFormatInputError).data.expected).toBe('date');
    }
  });
});

describe('numbers', () => {
  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes amounts in đồng, rounded to whole đồng', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 đồng');
    expect(formatVnd(200000)).toBe('200.000 đồng');
    expect(formatVnd(1500.6)).toBe('1.501 đồng');
  });

  it('refuses NaN and Infinity', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(InvalidFormatInputError);
    expect(() => formatVnd(Number.POSITIVE_INFINITY)).toThrow(InvalidFormatInputError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateTimeLong } from './site-format.ts';

describe('formatDateTimeLong', () => {
  it('shows the hour of a news item that carries one, in Vietnam time', () => {
    expect(formatDateTimeLong(new Date('2024-10-14T09:30:00+07:00'))).toBe('09:30, ngày 14 tháng 10 năm 2024');
  });

  it('shows only the day of a date written without an hour, never "07:00"', () => {
    // `date: 2024-12-20` in front matter is read as midnight UTC.
    expect(formatDateTimeLong(new Date('2024-12-20'))).toBe('ngày 20 tháng 12 năm 2024');
    expect(formatDateTimeLong(new Date('2024-12-20T00:00:00+07:00'))).toBe('ngày 20 tháng 12 năm 2024');
  });
});

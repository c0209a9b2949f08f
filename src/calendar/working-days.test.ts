import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HolidaysSchema, type HolidaysInput } from '#src/schema/holidays.ts';
import {
  addCalendarDays,
  addWorkingDays,
  createCalendar,
  deadlineStatus,
  dueDate,
  isWorkingDay,
  NATIONAL_HOLIDAYS,
  STATUTORY_DAYS_OFF_PER_YEAR,
  vietnamDate,
  workingDaysBetween,
} from '#src/calendar/working-days.ts';

/** An instant given as Vietnam wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
const shift = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/**
 * An independent reading of Bộ luật Lao động 2019 Điều 112 as the 2014–2024
 * announcements applied it, to check the hand-written table against.
 */
function deriveDaysOff(year: number, lunarNewYear: string, hungKings: string): Set<string> {
  const closed = new Set<string>();
  const free = (d: string) => !isWeekend(d) && !closed.has(d);
  const next = (d: string) => {
    let x = shift(d, 1);
    while (!free(x)) x = shift(x, 1);
    return x;
  };
  const previous = (d: string) => {
    let x = shift(d, -1);
    while (!free(x)) x = shift(x, -1);
    return x;
  };
  const tet = [-1, 0, 1, 2, 3].map((n) => shift(lunarNewYear, n));
  for (const d of tet) if (!isWeekend(d)) closed.add(d);
  for (const d of tet) if (weekday(d) === 6) closed.add(previous(d));
  for (const d of tet) if (weekday(d) === 0) closed.add(next(d));

  const national = `${year}-09-02`;
  const adjacent = [+1, +1, -1, -1, +1, -1, -1][weekday(national)]!;
  const solar = [`${year}-01-01`, hungKings, `${year}-04-30`, `${year}-05-01`, national];
  closed.add(shift(national, adjacent));
  for (const d of solar) if (!isWeekend(d)) closed.add(d);
  for (const d of solar) if (isWeekend(d)) closed.add(next(d));
  return closed;
}

describe('the national holiday table, 2024–2030', () => {
  it.each(NATIONAL_HOLIDAYS.map((y) => [y.year, y] as const))(
    '%i closes exactly the 11 statutory days, on weekdays',
    (year, table) => {
      for (const d of table.closed) {
        expect(d.date.startsWith(`${year}-`)).toBe(true);
        expect(isWeekend(d.date), d.date).toBe(false);
      }
      for (const d of table.workingWeekends) expect(isWeekend(d.date), d.date).toBe(true);
      expect(table.closed.length - table.workingWeekends.length).toBe(STATUTORY_DAYS_OFF_PER_YEAR);
      expect(new Set(table.closed.map((d) => d.date)).size).toBe(table.closed.length);
      expect(table.source).toMatch(/\S/);
    },
  );

  it.each(NATIONAL_HOLIDAYS.filter((y) => y.basis === 'statutory-rule').map((y) => [y.year, y] as const))(
    '%i follows the statutory rule day for day',
    (year, table) => {
      expect(new Set(table.closed.map((d) => d.date))).toEqual(
        deriveDaysOff(year, table.lunarNewYear, table.hungKings),
      );
    },
  );

  it('records the swapped days of 2024 and 2025 on top of the rule', () => {
    const [y2024, y2025] = NATIONAL_HOLIDAYS;
    expect(new Set(y2024!.closed.map((d) => d.date))).toEqual(
      new Set([...deriveDaysOff(2024, '2024-02-10', '2024-04-18'), '2024-04-29']),
    );
    expect(new Set(y2025!.closed.map((d) => d.date))).toEqual(
      new Set([...deriveDaysOff(2025, '2025-01-29', '2025-04-07'), '2025-05-02']),
    );
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2025-04-26')).toBe(true);
  });

  it('uses the Vietnamese lunar calendar, not the Chinese one, for Tết 2030', () => {
    expect(NATIONAL_HOLIDAYS.find((y) => y.year === 2030)!.lunarNewYear).toBe('2030-02-02');
    expect(isWorkingDay('2030-01-31')).toBe(false);
    expect(isWorkingDay('2030-02-07')).toBe(true);
  });

  it('keeps ordinary weekdays and weekends as they are', () => {
    expect(isWorkingDay('2026-03-10')).toBe(true);
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(isWorkingDay('2026-03-15')).toBe(false);
  });
});

describe('counting working days', () => {
  it('does not count the day of receipt, and carries a weekend receipt to Monday', () => {
    expect(vietnamDate(addWorkingDays(vn('2026-03-10T10:00:00'), 1))).toBe('2026-03-11');
    expect(addWorkingDays(vn('2026-03-14T10:00:00'), 1).toISOString()).toBe('2026-03-16T16:59:59.999Z');
  });

  it('uses the date in Vietnam, not the server clock zone', () => {
    expect(vietnamDate(new Date('2026-01-07T16:30:00Z'))).toBe('2026-01-07');
    expect(vietnamDate(new Date('2026-01-07T17:30:00Z'))).toBe('2026-01-08');
    expect(vietnamDate(addWorkingDays(new Date('2026-01-07T16:30:00Z'), 1))).toBe('2026-01-08');
    expect(vietnamDate(addWorkingDays(new Date('2026-01-07T17:30:00Z'), 1))).toBe('2026-01-09');
  });

  it('skips the whole of Tết Nguyên đán 2026', () => {
    expect(vietnamDate(addWorkingDays(vn('2026-02-13T15:00:00'), 1))).toBe('2026-02-23');
    expect(vietnamDate(addWorkingDays(vn('2026-02-12T15:00:00'), 2))).toBe('2026-02-23');
  });

  it('crosses the year end and a compensatory New Year day', () => {
    expect(vietnamDate(addWorkingDays(vn('2025-12-31T08:00:00'), 1))).toBe('2026-01-02');
    expect(vietnamDate(addWorkingDays(vn('2027-12-30T08:00:00'), 2))).toBe('2028-01-04');
    expect(workingDaysBetween(vn('2027-12-30T08:00:00'), vn('2028-01-04T08:00:00'))).toBe(2);
  });

  it('gives the 10-day acceptance limit across Giỗ Tổ, 30/4 and 1/5 2026', () => {
    expect(vietnamDate(addWorkingDays(vn('2026-04-24T09:00:00'), 10))).toBe('2026-05-13');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(vietnamDate(addWorkingDays(vn('2024-04-26T09:00:00'), 3))).toBe('2024-05-04');
  });

  it('is the inverse of workingDaysBetween for every start in a year', () => {
    for (let i = 0; i < 365; i += 3) {
      const start = vn(`${shift('2026-01-01', i)}T11:00:00`);
      for (const n of [0, 1, 7, 30, 45]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });

  it('counts backwards as a negative number', () => {
    expect(workingDaysBetween(vn('2026-02-23T09:00:00'), vn('2026-02-13T09:00:00'))).toBe(-1);
    expect(workingDaysBetween(vn('2026-02-23T09:00:00'), vn('2026-02-23T20:00:00'))).toBe(0);
  });

  it('refuses whole-day counts that are negative or fractional', () => {
    expect(() => addWorkingDays(vn('2026-03-10T10:00:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(vn('2026-03-10T10:00:00'), 1.5)).toThrow(RangeError);
  });

  it('refuses to count into a year without a holiday table', () => {
    expect(codeOf(() => addWorkingDays(vn('2030-12-20T09:00:00'), 10))).toBe('E_CALENDAR_OUT_OF_RANGE');
    expect(codeOf(() => isWorkingDay('2023-06-01'))).toBe('E_CALENDAR_OUT_OF_RANGE');
  });
});

describe('due dates from a declared time limit', () => {
  it('ends a period in calendar days on the next working day when it lands on a day off', () => {
    expect(vietnamDate(addCalendarDays(vn('2026-01-18T09:00:00'), 30))).toBe('2026-02-23');
    expect(vietnamDate(dueDate(vn('2026-03-02T09:00:00'), { value: 10, unit: 'ngay' }))).toBe('2026-03-12');
  });

  it('adds hours as elapsed time and rounds half days up', () => {
    expect(dueDate(vn('2026-02-16T09:00:00'), { value: 24, unit: 'gio' }).toISOString()).toBe(
      '2026-02-17T02:00:00.000Z',
    );
    expect(vietnamDate(dueDate(vn('2026-03-10T09:00:00'), { value: 0.5, unit: 'ngay-lam-viec' }))).toBe('2026-03-11');
  });

  it('ends a working-day period at midnight Vietnam time', () => {
    expect(dueDate(vn('2026-03-10T09:00:00'), { value: 1, unit: 'ngay-lam-viec' }).toISOString()).toBe(
      '2026-03-11T16:59:59.999Z',
    );
  });
});

describe('deadline flags', () => {
  const due = addWorkingDays(vn('2026-02-12T09:00:00'), 2);

  it('is on time while more than two working days remain', () => {
    expect(deadlineStatus(due, vn('2026-02-11T09:00:00'))).toBe('on-time');
  });

  it('is due soon with two working days left, Tết in between not counting', () => {
    expect(deadlineStatus(due, vn('2026-02-12T09:00:00'))).toBe('due-soon');
    expect(deadlineStatus(due, vn('2026-02-23T23:59:59'))).toBe('due-soon');
  });

  it('is overdue from the first moment after the due day', () => {
    expect(deadlineStatus(due, vn('2026-02-24T00:00:00'))).toBe('overdue');
  });
});

describe('province overrides in sites/_holidays.yaml', () => {
  const calendar = (input: HolidaysInput) => createCalendar(HolidaysSchema.parse(input));

  it('parses the shipped file', () => {
    const file = readFileSync(path.join(import.meta.dirname, '../../sites/_holidays.yaml'), 'utf8');
    expect(HolidaysSchema.safeParse(parse(file) ?? {}).success).toBe(true);
  });

  it('adds a swapped day off and its make-up Saturday', () => {
    const cal = calendar({
      closed: [{ date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' }],
      open: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026' }],
    });
    expect(isWorkingDay('2026-01-02', cal)).toBe(false);
    expect(isWorkingDay('2026-01-10', cal)).toBe(true);
    expect(vietnamDate(addWorkingDays(vn('2025-12-31T09:00:00'), 1, cal))).toBe('2026-01-05');
  });

  it('moves the day next to Quốc khánh when the announcement chose the other one', () => {
    const cal = calendar({
      closed: [{ date: '2026-09-03', name: 'Quốc khánh (ngày liền kề)' }],
      open: [{ date: '2026-09-01', name: 'Làm việc bình thường' }],
    });
    expect(isWorkingDay('2026-09-01', cal)).toBe(true);
    expect(isWorkingDay('2026-09-03', cal)).toBe(false);
  });

  it('extends the calendar past 2030 only with a whole year of days off', () => {
    const y2031 = ['01-01', '01-21', '01-22', '01-23', '01-24', '01-27', '04-01', '04-30', '05-01', '09-01', '09-02'];
    const cal = calendar({ coversThrough: 2031, closed: y2031.map((d) => ({ date: `2031-${d}`, name: 'Ngày nghỉ' })) });
    expect(vietnamDate(addWorkingDays(vn('2030-12-31T09:00:00'), 1, cal))).toBe('2031-01-02');
    expect(
      codeOf(() => calendar({ coversThrough: 2031, closed: [{ date: '2031-01-01', name: 'Tết Dương lịch' }] })),
    ).toBe('E_HOLIDAY_YEAR_INCOMPLETE');
  });

  it('refuses impossible dates, repeats and contradictions, pointing at the entry', () => {
    const paths = (input: unknown) => HolidaysSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ closed: [{ date: '2026-02-30', name: 'Ngày nghỉ' }] })).toEqual(['closed.0.date']);
    expect(paths({ closed: [{ date: '2/1/2026', name: 'Ngày nghỉ' }] })).toEqual(['closed.0.date']);
    expect(
      paths({
        closed: [
          { date: '2026-01-02', name: 'Nghỉ' },
          { date: '2026-01-02', name: 'Nghỉ' },
        ],
      }),
    ).toEqual(['closed.1.date']);
    expect(
      paths({ closed: [{ date: '2026-01-02', name: 'Nghỉ' }], open: [{ date: '2026-01-02', name: 'Làm' }] }),
    ).toEqual(['open.0.date']);
    expect(
      HolidaysSchema.parse({ open: [{ date: new Date('2026-01-10T00:00:00Z'), name: 'Làm bù' }] }).open[0]!.date,
    ).toBe('2026-01-10');
    const misspelt = HolidaysSchema.safeParse({ cloesd: [{ date: '2026-01-02', name: 'Nghỉ' }] }).error!.issues;
    expect(misspelt.map((i) => [i.path.join('.'), i.code])).toEqual([['', 'unrecognized_keys']]);
    expect(misspelt[0]!.message).toContain('cloesd');
  });
});

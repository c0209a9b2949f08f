import { DomainError } from '../errors.ts';
import type { Holidays } from '../schema/holidays.ts';

/**
 * Working days of state agencies in Vietnam, for the deadlines of the online
 * public services (Điều 14 Quy chế 2567/2007: each service declares its steps
 * and time limits).
 *
 * Counting follows Bộ luật Dân sự 2015: the day of the event is not counted
 * (Điều 147), a period ends at the end of its last day (Điều 148.1), and a
 * period in calendar days whose last day is a day off ends on the next
 * working day (Điều 148.3). All dates are civil dates in Vietnam (UTC+7, no
 * daylight saving), whatever zone the server runs in.
 */

/** A civil date in Vietnam: `2026-02-16`. */
export type IsoDate = string;

/** The units of `TIME_UNITS` in `src/schema/content/procedure.ts`, so procedures and services share one calculator. */
export type TimeUnit = 'ngay-lam-viec' | 'ngay' | 'gio';
export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

export type DeadlineStatus = 'on-time' | 'due-soon' | 'overdue';

export type CalendarOutOfRangeErrorData = { date: IsoDate; firstYear: number; lastYear: number };
/** A date outside the years the holiday table covers: counting working days there would be a guess. */
export class CalendarOutOfRangeError extends DomainError<CalendarOutOfRangeErrorData> {
  static readonly code = 'E_CALENDAR_OUT_OF_RANGE';
  constructor(data: CalendarOutOfRangeErrorData) {
    super(
      CalendarOutOfRangeError.code,
      data,
      `Chưa có lịch ngày nghỉ cho ngày ${data.date} (lịch hiện có từ năm ${data.firstYear} đến năm ${data.lastYear}) nên chưa tính được ngày làm việc.`,
    );
  }
}

export type IncompleteHolidayYearErrorData = { year: number; daysOff: number; required: number };
/** A year the province added has fewer weekday days off than the law grants: some holidays are missing. */
export class IncompleteHolidayYearError extends DomainError<IncompleteHolidayYearErrorData> {
  static readonly code = 'E_HOLIDAY_YEAR_INCOMPLETE';
  constructor(data: IncompleteHolidayYearErrorData) {
    super(
      IncompleteHolidayYearError.code,
      data,
      `Danh sách ngày nghỉ năm ${data.year} trong sites/_holidays.yaml mới có ${data.daysOff} ngày nghỉ rơi vào ngày làm việc, cần ít nhất ${data.required}: hãy bổ sung các ngày nghỉ lễ, Tết còn thiếu.`,
    );
  }
}

interface Day {
  date: IsoDate;
  name: string;
}

export interface HolidayYear {
  year: number;
  /** `decided`: the government's announcement for that year; `statutory-rule`: derived, see `source`. */
  basis: 'decided' | 'statutory-rule';
  source: string;
  /** Mùng 1 Tết in the Vietnamese calendar (UTC+7); differs from China's in 2030. */
  lunarNewYear: IsoDate;
  /** 10 tháng 3 âm lịch. */
  hungKings: IsoDate;
  /** Monday-to-Friday days off, compensatory days and swapped days included. */
  closed: readonly Day[];
  /** Saturdays worked in exchange for a swapped day. */
  workingWeekends: readonly Day[];
}

/**
 * Bộ luật Lao động 2019 Điều 112.1: 11 days a year (Tết Dương lịch 1, Tết
 * Âm lịch 5, Giỗ Tổ 1, 30/4 1, 1/5 1, Quốc khánh 2). Every year's table
 * therefore closes 11 weekdays more than it opens weekend days; the tests
 * hold each year to that.
 */
export const STATUTORY_DAYS_OFF_PER_YEAR = 11;

const TET = 'Tết Nguyên đán';
const TET_COMP = 'Tết Nguyên đán (nghỉ bù)';
const NEW_YEAR = 'Tết Dương lịch';
const HUNG = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const VICTORY = 'Ngày Chiến thắng (30/4)';
const LABOUR = 'Ngày Quốc tế Lao động (01/5)';
const NATIONAL = 'Quốc khánh (02/9)';
const NATIONAL_NEXT = 'Quốc khánh (ngày liền kề)';

/**
 * Lunar dates from Hồ Ngọc Đức's algorithm at UTC+7, the reference for the
 * Vietnamese calendar. Years marked `statutory-rule` apply Điều 112 the way
 * the announcements of 2014–2024 did: a Tết day on Saturday moves to the
 * working day before, on Sunday to the working day after; another holiday on
 * a weekend moves to the next working day; the second Quốc khánh day is the
 * adjacent day that joins a weekend (Mon→Tue, Tue→Mon, Wed→Tue, Thu→Fri,
 * Fri→Thu, Sat→Fri, Sun→Mon). When the year's announcement differs, record it
 * in `sites/_holidays.yaml`.
 */
export const NATIONAL_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    basis: 'decided',
    source:
      'Thông báo 6150/TB-LĐTBXH ngày 24/11/2023 (Tết 08–14/02, Quốc khánh 31/8–03/9); Công văn 2450/VPCP-KGVX năm 2024 (nghỉ 29/4, làm bù 04/5)',
    lunarNewYear: '2024-02-10',
    hungKings: '2024-04-18',
    closed: [
      { date: '2024-01-01', name: NEW_YEAR },
      { date: '2024-02-08', name: TET_COMP },
      { date: '2024-02-09', name: TET },
      { date: '2024-02-12', name: TET },
      { date: '2024-02-13', name: TET },
      { date: '2024-02-14', name: TET_COMP },
      { date: '2024-04-18', name: HUNG },
      { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)' },
      { date: '2024-04-30', name: VICTORY },
      { date: '2024-05-01', name: LABOUR },
      { date: '2024-09-02', name: NATIONAL },
      { date: '2024-09-03', name: NATIONAL_NEXT },
    ],
    workingWeekends: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024' }],
  },
  {
    year: 2025,
    basis: 'decided',
    source:
      'Thông báo của Bộ LĐTBXH về lịch nghỉ năm 2025 (Tết 25/01–02/02, Quốc khánh 30/8–02/9); hoán đổi 02/5 ↔ 26/4/2025 theo ý kiến của Thủ tướng (số văn bản cần đối chiếu)',
    lunarNewYear: '2025-01-29',
    hungKings: '2025-04-07',
    closed: [
      { date: '2025-01-01', name: NEW_YEAR },
      { date: '2025-01-27', name: TET_COMP },
      { date: '2025-01-28', name: TET },
      { date: '2025-01-29', name: TET },
      { date: '2025-01-30', name: TET },
      { date: '2025-01-31', name: TET },
      { date: '2025-04-07', name: HUNG },
      { date: '2025-04-30', name: VICTORY },
      { date: '2025-05-01', name: LABOUR },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
      { date: '2025-09-01', name: NATIONAL_NEXT },
      { date: '2025-09-02', name: NATIONAL },
    ],
    workingWeekends: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025' }],
  },
  {
    year: 2026,
    basis: 'statutory-rule',
    source:
      'Bộ luật Lao động 2019 Điều 112, quy tắc nêu trên; đối chiếu thông báo lịch nghỉ năm 2026 và ghi khác biệt vào sites/_holidays.yaml',
    lunarNewYear: '2026-02-17',
    hungKings: '2026-04-26',
    closed: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-02-16', name: TET },
      { date: '2026-02-17', name: TET },
      { date: '2026-02-18', name: TET },
      { date: '2026-02-19', name: TET },
      { date: '2026-02-20', name: TET },
      { date: '2026-04-27', name: `${HUNG} (nghỉ bù)` },
      { date: '2026-04-30', name: VICTORY },
      { date: '2026-05-01', name: LABOUR },
      { date: '2026-09-01', name: NATIONAL_NEXT },
      { date: '2026-09-02', name: NATIONAL },
    ],
    workingWeekends: [],
  },
  {
    year: 2027,
    basis: 'statutory-rule',
    source: 'Bộ luật Lao động 2019 Điều 112, quy tắc nêu trên',
    lunarNewYear: '2027-02-06',
    hungKings: '2027-04-16',
    closed: [
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-02-04', name: TET_COMP },
      { date: '2027-02-05', name: TET },
      { date: '2027-02-08', name: TET },
      { date: '2027-02-09', name: TET },
      { date: '2027-02-10', name: TET_COMP },
      { date: '2027-04-16', name: HUNG },
      { date: '2027-04-30', name: VICTORY },
      { date: '2027-05-03', name: `${LABOUR} (nghỉ bù)` },
      { date: '2027-09-02', name: NATIONAL },
      { date: '2027-09-03', name: NATIONAL_NEXT },
    ],
    workingWeekends: [],
  },
  {
    year: 2028,
    basis: 'statutory-rule',
    source: 'Bộ luật Lao động 2019 Điều 112, quy tắc nêu trên',
    lunarNewYear: '2028-01-26',
    hungKings: '2028-04-04',
    closed: [
      { date: '2028-01-03', name: `${NEW_YEAR} (nghỉ bù)` },
      { date: '2028-01-24', name: TET_COMP },
      { date: '2028-01-25', name: TET },
      { date: '2028-01-26', name: TET },
      { date: '2028-01-27', name: TET },
      { date: '2028-01-28', name: TET },
      { date: '2028-04-04', name: HUNG },
      { date: '2028-05-01', name: LABOUR },
      { date: '2028-05-02', name: `${VICTORY} (nghỉ bù)` },
      { date: '2028-09-01', name: NATIONAL_NEXT },
      { date: '2028-09-04', name: `${NATIONAL} (nghỉ bù)` },
    ],
    workingWeekends: [],
  },
  {
    year: 2029,
    basis: 'statutory-rule',
    source: 'Bộ luật Lao động 2019 Điều 112, quy tắc nêu trên',
    lunarNewYear: '2029-02-13',
    hungKings: '2029-04-23',
    closed: [
      { date: '2029-01-01', name: NEW_YEAR },
      { date: '2029-02-12', name: TET },
      { date: '2029-02-13', name: TET },
      { date: '2029-02-14', name: TET },
      { date: '2029-02-15', name: TET },
      { date: '2029-02-16', name: TET },
      { date: '2029-04-23', name: HUNG },
      { date: '2029-04-30', name: VICTORY },
      { date: '2029-05-01', name: LABOUR },
      { date: '2029-09-03', name: NATIONAL_NEXT },
      { date: '2029-09-04', name: `${NATIONAL} (nghỉ bù)` },
    ],
    workingWeekends: [],
  },
  {
    year: 2030,
    basis: 'statutory-rule',
    source:
      'Bộ luật Lao động 2019 Điều 112, quy tắc nêu trên; mùng 1 Tết là thứ Bảy 02/02/2030 theo lịch Việt Nam (lịch Trung Quốc: 03/02)',
    lunarNewYear: '2030-02-02',
    hungKings: '2030-04-12',
    closed: [
      { date: '2030-01-01', name: NEW_YEAR },
      { date: '2030-01-31', name: TET_COMP },
      { date: '2030-02-01', name: TET },
      { date: '2030-02-04', name: TET },
      { date: '2030-02-05', name: TET },
      { date: '2030-02-06', name: TET_COMP },
      { date: '2030-04-12', name: HUNG },
      { date: '2030-04-30', name: VICTORY },
      { date: '2030-05-01', name: LABOUR },
      { date: '2030-09-02', name: NATIONAL },
      { date: '2030-09-03', name: NATIONAL_NEXT },
    ],
    workingWeekends: [],
  },
];

export interface WorkingCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Weekdays that are days off, with their names. */
  readonly closed: ReadonlyMap<IsoDate, string>;
  /** Weekend days that are working days. */
  readonly open: ReadonlyMap<IsoDate, string>;
}

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Days since 1970-01-01 of a civil date; plain integers make the day walks cheap. */
function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function isoFromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The date on a wall calendar in Vietnam at that instant. */
export function vietnamDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function vietnamDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** 23:59:59.999 in Vietnam on that day: a period ends with its last day (BLDS Điều 148.1). */
export function endOfVietnamDay(date: IsoDate): Date {
  return endOfDay(dayNumber(date));
}

function endOfDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - VIETNAM_OFFSET_MS - 1);
}

/**
 * The national table with a province's overrides applied. Past 2030 the
 * province file must list whole years (`coversThrough`); each such year is
 * checked to hold at least the 11 statutory days off.
 */
export function createCalendar(province?: Holidays): WorkingCalendar {
  const closed = new Map<IsoDate, string>();
  const open = new Map<IsoDate, string>();
  for (const year of NATIONAL_HOLIDAYS) {
    for (const day of year.closed) closed.set(day.date, day.name);
    for (const day of year.workingWeekends) open.set(day.date, day.name);
  }
  const firstYear = NATIONAL_HOLIDAYS[0]!.year;
  const nationalLast = NATIONAL_HOLIDAYS.at(-1)!.year;
  if (!province) return { firstYear, lastYear: nationalLast, closed, open };

  for (const day of province.closed) {
    open.delete(day.date);
    if (!isWeekend(dayNumber(day.date))) closed.set(day.date, day.name);
  }
  for (const day of province.open) {
    closed.delete(day.date);
    if (isWeekend(dayNumber(day.date))) open.set(day.date, day.name);
  }
  const lastYear = Math.max(nationalLast, province.coversThrough ?? nationalLast);
  for (let year = nationalLast + 1; year <= lastYear; year += 1) {
    const prefix = `${year}-`;
    const daysOff =
      [...closed.keys()].filter((d) => d.startsWith(prefix)).length -
      [...open.keys()].filter((d) => d.startsWith(prefix)).length;
    if (daysOff < STATUTORY_DAYS_OFF_PER_YEAR) {
      throw new IncompleteHolidayYearError({ year, daysOff, required: STATUTORY_DAYS_OFF_PER_YEAR });
    }
  }
  return { firstYear, lastYear, closed, open };
}

/** Built once: the calendar without province overrides. */
export const NATIONAL_CALENDAR: WorkingCalendar = createCalendar();

/**
 * Each calendar's answers by day number: a deadline walks ten or more days
 * for every submission, and each day's date string cost more than the rest
 * of the walk (docs/adr/0111). Bounded by the calendar's years; a calendar
 * is never changed once built.
 */
const workingDayMemo = new WeakMap<WorkingCalendar, Map<number, boolean>>();

function isWorkingDayNumber(day: number, calendar: WorkingCalendar): boolean {
  let memo = workingDayMemo.get(calendar);
  if (!memo) workingDayMemo.set(calendar, (memo = new Map()));
  const known = memo.get(day);
  if (known !== undefined) return known;
  const date = isoFromDayNumber(day);
  const year = Number(date.slice(0, 4));
  if (year < calendar.firstYear || year > calendar.lastYear) {
    throw new CalendarOutOfRangeError({ date, firstYear: calendar.firstYear, lastYear: calendar.lastYear });
  }
  const working = isWeekend(day) ? calendar.open.has(date) : !calendar.closed.has(date);
  memo.set(day, working);
  return working;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = NATIONAL_CALENDAR): boolean {
  return isWorkingDayNumber(dayNumber(date), calendar);
}

function assertWholeCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`expected a whole number of days, got ${n}`);
}

/**
 * End of the n-th working day after the day of `start` (the day itself is not
 * counted, BLDS Điều 147). A dossier received on Saturday with a 1-day limit
 * is due at the end of Monday; n = 0 gives the end of the start day.
 */
export function addWorkingDays(start: Date, n: number, calendar: WorkingCalendar = NATIONAL_CALENDAR): Date {
  assertWholeCount(n);
  let day = vietnamDayNumber(start);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) counted += 1;
  }
  return endOfDay(day);
}

/**
 * Working days after the day of `from` up to and including the day of `to`;
 * negative when `to` is earlier. `workingDaysBetween(s, addWorkingDays(s, n))`
 * is always n.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar = NATIONAL_CALENDAR): number {
  const a = vietnamDayNumber(from);
  const b = vietnamDayNumber(to);
  const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day, calendar)) count += 1;
  return sign * count;
}

/**
 * End of the n-th calendar day after `start`, carried to the end of the next
 * working day when that day is a day off (BLDS Điều 148.3).
 */
export function addCalendarDays(start: Date, n: number, calendar: WorkingCalendar = NATIONAL_CALENDAR): Date {
  assertWholeCount(n);
  let day = vietnamDayNumber(start) + n;
  while (!isWorkingDayNumber(day, calendar)) day += 1;
  return endOfDay(day);
}

/**
 * When a declared time limit runs out. Fractions of a day ("0,5 ngày làm
 * việc" in a procedure) round up to the whole day: the calendar knows days,
 * not office hours. Hours are elapsed time, nights and holidays included.
 */
export function dueDate(start: Date, limit: TimeLimit, calendar: WorkingCalendar = NATIONAL_CALENDAR): Date {
  if (!(limit.value > 0) || !Number.isFinite(limit.value))
    throw new RangeError(`time limit must be positive, got ${limit.value}`);
  switch (limit.unit) {
    case 'ngay-lam-viec':
      return addWorkingDays(start, Math.ceil(limit.value), calendar);
    case 'ngay':
      return addCalendarDays(start, Math.ceil(limit.value), calendar);
    case 'gio':
      return new Date(start.getTime() + limit.value * 3_600_000);
  }
}

/** Working days left at which an item is flagged to the officer and the head. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * `overdue` once the instant has passed; `due-soon` while at most two working
 * days remain (the due day itself counts as one remaining, "today" as none),
 * so a deadline on Monday is flagged from the Thursday before.
 */
export function deadlineStatus(
  due: Date,
  now: Date,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
  dueSoonWorkingDays = DUE_SOON_WORKING_DAYS,
): DeadlineStatus {
  if (now.getTime() > due.getTime()) return 'overdue';
  return workingDaysBetween(now, due, calendar) <= dueSoonWorkingDays ? 'due-soon' : 'on-time';
}

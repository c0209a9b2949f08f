import { InvalidFormatInputError } from './errors.ts';

/** Dates are shown as the province lives them, whatever time zone the server runs in. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type DateInput = Date | string | number;

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

type CalendarDate = { day: number; month: number; year: number };

/**
 * The day of each instant already shown, by its time value: a list page or a register shows thousands of dates,
 * mostly the same few hundred days, and `formatToParts` was a tenth of rendering them. Bounded, since a long-lived
 * process (a warm renderer, the server) shows new instants every day.
 */
const knownDays = new Map<number, CalendarDate>();
const KNOWN_DAYS = 50_000;

function calendarDate(input: DateInput): CalendarDate {
  const date = input instanceof Date ? input : new Date(input);
  const time = date.getTime();
  if (Number.isNaN(time)) throw new InvalidFormatInputError('date', input);
  const known = knownDays.get(time);
  if (known) return known;
  const parts = PARTS.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const day = Object.freeze({ day: part('day'), month: part('month'), year: part('year') });
  if (knownDays.size >= KNOWN_DAYS) knownDays.clear();
  knownDays.set(time, day);
  return day;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 16 tháng 11 năm 2007", as a document's date line writes it. Days below
 * 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2020"),
 * the rule of Nghị định 30/2020/NĐ-CP on administrative documents.
 */
export function formatDateLong(input: DateInput): string {
  const { day, month, year } = calendarDate(input);
  return `ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : month} năm ${year}`;
}

/** "16/11/2007", day and month zero-padded. */
export function formatDateShort(input: DateInput): string {
  const { day, month, year } = calendarDate(input);
  return `${pad(day)}/${pad(month)}/${year}`;
}

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "29/11/2026 10:40", or "29/11/2026 10:40:05" with seconds (for logs, where
 * the order of two events within a minute matters), in Vietnam's time zone.
 */
export function formatDateTime(input: DateInput, options: { seconds?: boolean } = {}): string {
  const date = input instanceof Date ? input : new Date(input);
  const day = formatDateShort(date);
  const parts = CLOCK.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  const clock = `${part('hour')}:${part('minute')}${options.seconds ? `:${part('second')}` : ''}`;
  return `${day} ${clock}`;
}

/**
 * Formatting for the department site: the shared Vietnamese helpers of
 * `src/text/`, plus the few the pages need beyond them. Pages import from
 * here only, so the site has one place that decides how a date looks.
 */
import { VIETNAM_TIME_ZONE, formatDateLong } from './format-date.ts';

export { formatDateLong, formatDateShort } from './format-date.ts';
export { formatNumber, formatVnd } from './format-number.ts';
export { viCollator } from './collate.ts';

/** For document numbers: "15/2023/…" before "2567/2007/…". */
export const numericCollator = new Intl.Collator('vi', { numeric: true });

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface VnDate {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

// The same few hundred dates recur on thousands of pages; formatToParts is not cheap.
const seen = new Map<number, VnDate>();

/** The calendar date and clock time in Vietnam, whatever zone the build machine runs in. */
function vn(date: Date): VnDate {
  const time = date.getTime();
  let parts = seen.get(time);
  if (!parts) {
    const out: Record<string, string> = {};
    for (const part of PARTS.formatToParts(date)) out[part.type] = part.value;
    parts = out as unknown as VnDate;
    seen.set(time, parts);
  }
  return parts;
}

/**
 * A date written without an hour (`date: 2024-12-20`) is read as midnight UTC,
 * which is 07:00 in Huế: it has no hour to show (Điều 9 counts the day).
 * An entry really dated 07:00 in Vietnam is written with its hour and is the
 * same instant; it is shown as its day too, the lesser harm.
 */
export function isDateOnly(date: Date): boolean {
  return (
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0
  );
}

/** "09:30, ngày 14 tháng 10 năm 2024" when the entry carries an hour, else the long date. */
export function formatDateTimeLong(date: Date): string {
  const { hour, minute } = vn(date);
  const long = formatDateLong(date);
  return isDateOnly(date) || (hour === '00' && minute === '00') ? long : `${hour}:${minute}, ${long}`;
}

/** `datetime` attribute value: the calendar date in Vietnam. */
export function isoDate(date: Date): string {
  const d = vn(date);
  return `${d.year}-${d.month}-${d.day}`;
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "15 October 2026" on the English pages, the calendar date in Vietnam. */
export function formatDateEnglish(date: Date): string {
  const d = vn(date);
  return `${Number(d.day)} ${ENGLISH_MONTHS[Number(d.month) - 1]} ${d.year}`;
}

export function yearOf(date: Date): string {
  return vn(date).year;
}

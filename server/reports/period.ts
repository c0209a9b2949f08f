import { InvalidPeriodError } from './errors.ts';

/**
 * Reporting periods of Điều 16: officers report weekly to their leaders,
 * departments monthly, quarterly and yearly to the People's Committee.
 * A period is the half-open interval [from, to) of instants between two
 * midnights in Vietnam (UTC+7, no daylight saving), whatever zone the server
 * runs in: a dossier received at 23:59 on 30 November belongs to November,
 * one received at 00:00 on 1 December to December. Weeks are ISO 8601
 * weeks (Monday to Sunday, week 1 holds the year's first Thursday), so
 * `2026-W53` runs from 28 December 2026 to 3 January 2027 and `2027-W01`
 * never starts in 2027's first days when they fall before a Thursday.
 */

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** The canonical id, as written in the URL and on the command line: `2026-W48`, `2026-11`, `2026-Q4`, `2026`. */
  id: string;
  /** First instant of the period (00:00 in Vietnam). */
  from: Date;
  /** First instant after the period (00:00 in Vietnam of the next day). */
  to: Date;
  /** First and last civil dates in Vietnam, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** "Tháng 11/2026", "Quý IV/2026", "Tuần 48/2026 (23/11–29/11/2026)". */
  label: string;
}

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Reports reach back to the first years of the Quy chế and no further than a plausible plan. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const PERIOD = /^(\d{4})(?:-W(\d{2})|-Q([1-4])|-(\d{2}))?$/;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Days since 1970-01-01 of a civil date; the period arithmetic is on whole days. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 00:00 in Vietnam at the start of that civil day. */
function vietnamMidnight(day: number): Date {
  return new Date(day * DAY_MS - VIETNAM_OFFSET_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function shortDay(day: number, withYear: boolean): string {
  const [y, m, d] = isoDay(day).split('-');
  return withYear ? `${d}/${m}/${y}` : `${d}/${m}`;
}

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(year, 1, 4);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday;
}

/** 52 or 53: a year has 53 ISO weeks when the next year's week 1 starts 53 weeks after its own. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

function build(kind: PeriodKind, id: string, first: number, next: number, label: string): Period {
  return {
    kind,
    id,
    from: vietnamMidnight(first),
    to: vietnamMidnight(next),
    firstDay: isoDay(first),
    lastDay: isoDay(next - 1),
    label,
  };
}

function weekPeriod(year: number, week: number): Period {
  const first = isoWeekOneMonday(year) + (week - 1) * 7;
  const id = `${year}-W${String(week).padStart(2, '0')}`;
  const sameYear = isoDay(first).slice(0, 4) === isoDay(first + 6).slice(0, 4);
  const label = `Tuần ${week}/${year} (${shortDay(first, !sameYear)}–${shortDay(first + 6, true)})`;
  return build('week', id, first, first + 7, label);
}

function monthPeriod(year: number, month: number): Period {
  const first = dayNumber(year, month, 1);
  const next = month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1);
  return build('month', `${year}-${String(month).padStart(2, '0')}`, first, next, `Tháng ${month}/${year}`);
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = dayNumber(year, (quarter - 1) * 3 + 1, 1);
  const next = quarter === 4 ? dayNumber(year + 1, 1, 1) : dayNumber(year, quarter * 3 + 1, 1);
  return build('quarter', `${year}-Q${quarter}`, first, next, `Quý ${ROMAN[quarter - 1]}/${year}`);
}

function yearPeriod(year: number): Period {
  return build('year', String(year), dayNumber(year, 1, 1), dayNumber(year + 1, 1, 1), `Năm ${year}`);
}

/** `2026-W48`, `2026-11`, `2026-Q4` or `2026`; throws InvalidPeriodError otherwise. */
export function parsePeriod(input: string): Period {
  const text = input.trim();
  const match = PERIOD.exec(text);
  if (!match) throw new InvalidPeriodError({ input: text.slice(0, 40), reason: 'format' });
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new InvalidPeriodError({ input: text, reason: 'out-of-range' });
  if (match[2] !== undefined) {
    const week = Number(match[2]);
    if (week < 1 || week > isoWeeksInYear(year)) throw new InvalidPeriodError({ input: text, reason: 'no-such-week' });
    return weekPeriod(year, week);
  }
  if (match[3] !== undefined) return quarterPeriod(year, Number(match[3]));
  if (match[4] !== undefined) {
    const month = Number(match[4]);
    if (month < 1 || month > 12) throw new InvalidPeriodError({ input: text, reason: 'format' });
    return monthPeriod(year, month);
  }
  return yearPeriod(year);
}

/** The ISO week (year and number) a civil day belongs to. */
function isoWeekOf(day: number): { year: number; week: number } {
  const year = Number(isoDay(day).slice(0, 4));
  for (const candidate of [year + 1, year, year - 1]) {
    const monday = isoWeekOneMonday(candidate);
    if (day >= monday) return { year: candidate, week: Math.floor((day - monday) / 7) + 1 };
  }
  /* c8 ignore next */
  throw new RangeError(`no ISO week for ${isoDay(day)}`);
}

/** The period of that kind holding the instant, read on a wall calendar in Vietnam. */
export function periodContaining(kind: PeriodKind, instant: Date): Period {
  const day = Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
  const [year, month] = isoDay(day).split('-').map(Number) as [number, number];
  switch (kind) {
    case 'week': {
      const w = isoWeekOf(day);
      return weekPeriod(w.year, w.week);
    }
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'year':
      return yearPeriod(year);
  }
}

/** The period just before (-1) or after (+1), for "previous / next" links. */
export function adjacentPeriod(period: Period, step: -1 | 1): Period {
  const probe = step === -1 ? new Date(period.from.getTime() - 1) : period.to;
  return periodContaining(period.kind, probe);
}

/** Whether an instant (ms since the epoch) falls inside the period. */
export function inPeriod(period: Pick<Period, 'from' | 'to'>, at: number | undefined | null): boolean {
  return at !== undefined && at !== null && at >= period.from.getTime() && at < period.to.getTime();
}

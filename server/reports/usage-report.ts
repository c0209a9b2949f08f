import { SERVICE_IDS, SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { NATIONAL_CALENDAR, workingDaysBetween, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { RATED_SERVICES } from '#server/citizen-services/index.ts';
import type { CaseRecord } from './case-record.ts';
import { inPeriod, type Period } from './period.ts';

/**
 * The usage report of Điều 16, computed from case records alone (no
 * storage, no clock): the same inputs always give the same figures, which is
 * what lets the tests hold it to hand-computed values. Definitions, one per
 * column, are in docs/adr/0060-usage-reports.md.
 */
export interface UsageFigures {
  /** Requests received in the period. */
  received: number;
  /** Accepted for handling (thụ lý) in the period. */
  accepted: number;
  /** Resolved (answered, decided) in the period… */
  resolved: number;
  /** …of which by their deadline… */
  resolvedOnTime: number;
  /** …and after it. */
  resolvedLate: number;
  /** Open at the report's reference instant and past their deadline. */
  overdueNow: number;
  /** Working days from receipt to resolution, averaged over the resolved; null when none. */
  averageHandlingDays: number | null;
  /** Closed in the period (resolved or refused) in a service whose citizens are asked to rate it (docs/adr/0058). */
  rateable: number;
  /** Of those, rated by the citizen. */
  rated: number;
  /** rated / rateable in per cent, one decimal; null when nothing was rateable. */
  responseRate: number | null;
  /** Mean rating (1–5) of those; null when none. */
  averageRating: number | null;
  /** Ratings of 4 or 5. */
  satisfied: number;
  /** How many rated 1, 2, 3, 4 and 5. */
  ratings: [number, number, number, number, number];
}

export interface ServiceRow extends UsageFigures {
  service: ServiceId;
  label: string;
}

export interface SiteRef {
  id: string;
  name: string;
}

export interface SiteReport {
  site: SiteRef;
  services: ServiceRow[];
  totals: UsageFigures;
}

export interface UsageReport {
  period: Pick<Period, 'id' | 'kind' | 'label' | 'firstDay' | 'lastDay'>;
  /** The instant "overdue now" is measured at: the end of the period, or the time of the report while it runs. */
  asOf: string;
  /** `province` when the report covers every department. */
  scope: 'province' | 'department';
  /** Per service over every site in scope. */
  services: ServiceRow[];
  totals: UsageFigures;
  /** Public consultation and website comments received (Điều 7.8, 13). */
  comments: number;
  /** Questions on policy and law answered (Điều 13.3). */
  questionsAnswered: number;
  /** One block per department in scope, in the order given. */
  sites: SiteReport[];
}

export interface UsageReportInput {
  period: Period;
  sites: readonly SiteRef[];
  scope: 'province' | 'department';
  cases: readonly CaseRecord[];
  /** The time the report is made; "overdue now" is measured at min(now, end of period). */
  now: Date;
  calendar?: WorkingCalendar;
}

/** One decimal, halves up: the precision of a report to the People's Committee. */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

export function computeFigures(
  cases: readonly CaseRecord[],
  period: Period,
  asOf: number,
  calendar: WorkingCalendar,
): UsageFigures {
  let received = 0;
  let accepted = 0;
  let resolved = 0;
  let resolvedOnTime = 0;
  let overdueNow = 0;
  let handlingDays = 0;
  let rateable = 0;
  let rated = 0;
  let ratingSum = 0;
  let satisfied = 0;
  const ratings: UsageFigures['ratings'] = [0, 0, 0, 0, 0];
  for (const c of cases) {
    if (inPeriod(period, c.receivedAt)) received += 1;
    if (inPeriod(period, c.acceptedAt)) accepted += 1;
    if (c.status === 'resolved' && c.resolvedAt !== undefined && inPeriod(period, c.resolvedAt)) {
      resolved += 1;
      if (c.resolvedAt <= c.dueAt) resolvedOnTime += 1;
      handlingDays += workingDaysBetween(new Date(c.receivedAt), new Date(c.resolvedAt), calendar);
    }
    // Every closed case is asked for a rating, answered or refused: the national satisfaction index counts both.
    const closedInPeriod =
      (c.status === 'resolved' || c.status === 'refused') &&
      c.resolvedAt !== undefined &&
      inPeriod(period, c.resolvedAt);
    if (closedInPeriod && RATED_SERVICES.includes(c.service)) {
      rateable += 1;
      if (c.rating !== undefined) {
        rated += 1;
        ratingSum += c.rating;
        ratings[c.rating - 1] = (ratings[c.rating - 1] ?? 0) + 1;
        if (c.rating >= 4) satisfied += 1;
      }
    }
    const openAtAsOf = c.receivedAt < asOf && (c.resolvedAt === undefined || c.resolvedAt >= asOf);
    if (openAtAsOf && asOf > c.dueAt) overdueNow += 1;
  }
  return {
    received,
    accepted,
    resolved,
    resolvedOnTime,
    resolvedLate: resolved - resolvedOnTime,
    overdueNow,
    averageHandlingDays: resolved > 0 ? oneDecimal(handlingDays / resolved) : null,
    rateable,
    rated,
    responseRate: rateable > 0 ? oneDecimal((100 * rated) / rateable) : null,
    averageRating: rated > 0 ? oneDecimal(ratingSum / rated) : null,
    satisfied,
    ratings,
  };
}

function serviceRows(
  cases: readonly CaseRecord[],
  period: Period,
  asOf: number,
  calendar: WorkingCalendar,
): ServiceRow[] {
  return SERVICE_IDS.map((service) => ({
    service,
    label: SERVICE_LABELS[service],
    ...computeFigures(
      cases.filter((c) => c.service === service),
      period,
      asOf,
      calendar,
    ),
  }));
}

export function computeUsageReport(input: UsageReportInput): UsageReport {
  const { period, now } = input;
  const calendar = input.calendar ?? NATIONAL_CALENDAR;
  const asOf = Math.min(now.getTime(), period.to.getTime());
  const siteIds = new Set(input.sites.map((s) => s.id));
  const cases = input.cases.filter((c) => siteIds.has(c.site));
  const services = serviceRows(cases, period, asOf, calendar);
  const byService = new Map(services.map((row) => [row.service, row]));
  return {
    period: {
      id: period.id,
      kind: period.kind,
      label: period.label,
      firstDay: period.firstDay,
      lastDay: period.lastDay,
    },
    asOf: new Date(asOf).toISOString(),
    scope: input.scope,
    services,
    totals: computeFigures(cases, period, asOf, calendar),
    comments: byService.get('gop-y-du-thao')!.received + byService.get('phan-hoi-website')!.received,
    questionsAnswered: byService.get('hoi-dap')!.resolved,
    sites: input.sites.map((site) => {
      const own = cases.filter((c) => c.site === site.id);
      return {
        site,
        services: serviceRows(own, period, asOf, calendar),
        totals: computeFigures(own, period, asOf, calendar),
      };
    }),
  };
}

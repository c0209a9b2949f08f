import { SERVICE_IDS, SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { NATIONAL_CALENDAR, type WorkingCalendar } from '#src/calendar/working-days.ts';
import type { CaseRecord } from './case-record.ts';
import { adjacentPeriod, periodContaining, type Period } from './period.ts';
import { RATED_SERVICES } from '#server/citizen-services/index.ts';
import { computeFigures, type UsageFigures } from './usage-report.ts';

/**
 * The figures a department site shows the public (Điều 16, docs/adr/0063): per service and
 * month, requests received and resolved on time. A count from 1 to 4 could
 * point at a person in a small department, so it is shown as "fewer than 5";
 * zero is shown, since it identifies nobody.
 */
export const SUPPRESS_BELOW = 5;

export type PublicCount = number | 'suppressed';

export interface PublicSatisfaction {
  label: string;
  rateable: PublicCount;
  rated: PublicCount;
  /** Per cent, shown only when at least five cases were rated: a rate over fewer would point at people as surely as the count. */
  responseRate: number | 'suppressed' | null;
  /** Counts of scores 1 to 5. */
  ratings: PublicCount[];
}

export interface PublicStatistics {
  months: Array<Pick<Period, 'id' | 'label'>>;
  rows: Array<{
    service: ServiceId;
    label: string;
    cells: Array<{ received: PublicCount; resolvedOnTime: PublicCount }>;
  }>;
  /** Over the whole window: per rated service, and the department in total (docs/adr/0058). */
  satisfaction: { rows: PublicSatisfaction[]; total: PublicSatisfaction };
}

export function suppressSmall(count: number): PublicCount {
  return count > 0 && count < SUPPRESS_BELOW ? 'suppressed' : count;
}

/** The last `months` calendar months up to the one containing `now`, oldest first. */
export function recentMonths(now: Date, months: number): Period[] {
  const list: Period[] = [];
  let period = periodContaining('month', now);
  for (let i = 0; i < months; i += 1) {
    list.unshift(period);
    period = adjacentPeriod(period, -1);
  }
  return list;
}

function publicSatisfaction(label: string, f: UsageFigures): PublicSatisfaction {
  return {
    label,
    rateable: suppressSmall(f.rateable),
    rated: suppressSmall(f.rated),
    responseRate: f.responseRate === null ? null : f.rated < SUPPRESS_BELOW ? 'suppressed' : f.responseRate,
    ratings: f.ratings.map(suppressSmall),
  };
}

export function computePublicStatistics(
  cases: readonly CaseRecord[],
  now: Date,
  months = 12,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): PublicStatistics {
  const periods = recentMonths(now, months);
  const window = { ...periods[0]!, to: periods.at(-1)!.to };
  const asOf = Math.min(now.getTime(), window.to.getTime());
  return {
    satisfaction: {
      rows: RATED_SERVICES.map((service) =>
        publicSatisfaction(
          SERVICE_LABELS[service],
          computeFigures(
            cases.filter((c) => c.service === service),
            window,
            asOf,
            calendar,
          ),
        ),
      ),
      total: publicSatisfaction('', computeFigures(cases, window, asOf, calendar)),
    },
    months: periods.map(({ id, label }) => ({ id, label })),
    rows: SERVICE_IDS.map((service) => {
      const own = cases.filter((c) => c.service === service);
      return {
        service,
        label: SERVICE_LABELS[service],
        cells: periods.map((period) => {
          const figures = computeFigures(own, period, Math.min(now.getTime(), period.to.getTime()), calendar);
          return { received: suppressSmall(figures.received), resolvedOnTime: suppressSmall(figures.resolvedOnTime) };
        }),
      };
    }),
  };
}

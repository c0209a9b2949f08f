import { formatDateShort } from '#src/text/format-date.ts';
import { formatNumber } from '#src/text/format-number.ts';
import { t } from '#server/platform/ui/vi.ts';
import { SUPPRESS_BELOW, type PublicCount, type PublicStatistics } from '../public-statistics.ts';

export interface PublicStatisticsView {
  title: string;
  intro: string;
  suppressed: string;
  /** One table per service, a month per row. */
  tables: Array<{ caption: string; rows: Array<[month: string, received: string, resolvedOnTime: string]> }>;
}

const below = () => t('statistics.below', { count: SUPPRESS_BELOW });
const shown = (count: PublicCount) => (count === 'suppressed' ? below() : formatNumber(count));

/** The figures a department site shows the public (Điều 16), small counts hidden; dated in Vietnam. */
export function publicStatisticsView(stats: PublicStatistics, computedAt: number): PublicStatisticsView {
  return {
    title: t('service.statisticsTitle'),
    intro: t('statistics.intro', { date: formatDateShort(computedAt) }),
    suppressed: t('statistics.suppressed', { max: SUPPRESS_BELOW - 1, below: below() }),
    tables: stats.rows.map((row) => ({
      caption: row.label,
      rows: stats.months.map((month, i) => [month.label, shown(row.cells[i]!.received), shown(row.cells[i]!.resolvedOnTime)]),
    })),
  };
}

import { formatDateShort } from '#src/text/format-date.ts';
import { formatNumber } from '#src/text/format-number.ts';
import { t } from '#server/platform/ui/vi.ts';
import {
  type PublicSatisfaction,
  SUPPRESS_BELOW,
  type PublicCount,
  type PublicStatistics,
} from '../public-statistics.ts';

export interface PublicStatisticsView {
  title: string;
  intro: string;
  suppressed: string;
  /** One table per service, a month per row. */
  tables: Array<{ caption: string; rows: Array<[month: string, received: string, resolvedOnTime: string]> }>;
  /** Citizens' ratings over the window: a row per service and the total (docs/adr/0058). */
  satisfaction: { caption: string; rows: string[][]; total: string[] };
}

const below = () => t('statistics.below', { count: SUPPRESS_BELOW });
const shown = (count: PublicCount) => (count === 'suppressed' ? below() : formatNumber(count));

function satisfactionCells(row: PublicSatisfaction): string[] {
  const rate =
    row.responseRate === null
      ? t('common.none')
      : row.responseRate === 'suppressed'
        ? t('statistics.rateHidden')
        : t('report.percent', { value: formatNumber(row.responseRate) });
  return [shown(row.rateable), shown(row.rated), rate, ...row.ratings.map(shown)];
}

/** The figures a department site shows the public (Điều 16), small counts hidden; dated in Vietnam. */
export function publicStatisticsView(stats: PublicStatistics, computedAt: number): PublicStatisticsView {
  return {
    title: t('service.statisticsTitle'),
    intro: t('statistics.intro', { date: formatDateShort(computedAt) }),
    suppressed: t('statistics.suppressed', { max: SUPPRESS_BELOW - 1, below: below() }),
    tables: stats.rows.map((row) => ({
      caption: row.label,
      rows: stats.months.map((month, i) => [
        month.label,
        shown(row.cells[i]!.received),
        shown(row.cells[i]!.resolvedOnTime),
      ]),
    })),
    satisfaction: {
      caption: t('statistics.satisfactionCaption', {
        from: stats.months[0]?.label ?? '',
        to: stats.months.at(-1)?.label ?? '',
      }),
      rows: stats.satisfaction.rows.map((row) => [row.label, ...satisfactionCells(row)]),
      total: [t('report.total'), ...satisfactionCells(stats.satisfaction.total)],
    },
  };
}

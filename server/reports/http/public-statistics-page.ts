import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { PublicStatisticsView } from './public-statistics-page-view.ts';

const SATISFACTION_HEADERS = [
  'report.col.rateable',
  'report.col.rated',
  'report.col.responseRate',
  'report.col.score1',
  'report.col.score2',
  'report.col.score3',
  'report.col.score4',
  'report.col.score5',
] as const;

/** One small table per service, a month per row: readable on a phone and by a screen reader. */
export function publicStatisticsPage(view: PublicStatisticsView): Html {
  return html`<article class="dv-statistics">
    <h1>${t('statistics.heading')}</h1>
    <p>${view.intro}</p>
    <p>${view.suppressed}</p>
    ${view.tables.map((table) =>
      dataTable({
        className: 'dv-table',
        caption: table.caption,
        headers: [t('statistics.month'), t('statistics.received'), t('statistics.onTime')],
        rows: table.rows,
        rowHeaders: true,
      }),
    )}
    <h2 id="muc-do-hai-long">${t('statistics.satisfaction')}</h2>
    <p>${t('statistics.satisfactionIntro')}</p>
    ${dataTable({
      className: 'dv-table',
      caption: view.satisfaction.caption,
      headers: [t('report.service'), ...SATISFACTION_HEADERS.map((key) => t(key))],
      rows: view.satisfaction.rows,
      rowHeaders: true,
      footer: view.satisfaction.total,
    })}
  </article>`;
}

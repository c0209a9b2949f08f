import { html, raw } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { t } from '#server/platform/ui/vi.ts';
import { barChartSvg, type BarChartInput } from '../svg-chart.ts';
import type { FiguresTable, ReportFiguresView } from './report-figures-view.ts';

const COLUMNS = [
  'report.col.received',
  'report.col.accepted',
  'report.col.resolved',
  'report.col.onTime',
  'report.col.late',
  'report.col.overdue',
  'report.col.days',
  'report.col.rating',
] as const;

const SATISFACTION_COLUMNS = [
  'report.col.rateable',
  'report.col.rated',
  'report.col.responseRate',
  'report.col.score1',
  'report.col.score2',
  'report.col.score3',
  'report.col.score4',
  'report.col.score5',
  'report.col.rating',
] as const;

function satisfactionTable(table: FiguresTable) {
  return dataTable({
    caption: table.caption,
    headers: [table.firstHeader, ...SATISFACTION_COLUMNS.map((key) => t(key))],
    rows: table.rows.map((r) => [r.label, ...r.cells]),
    rowHeaders: true,
    footer: [t('report.total'), ...table.totals],
  });
}

function chartAndTable(block: { chart: BarChartInput; table: FiguresTable }) {
  const { table } = block;
  return html`<figure class="report-chart">${raw(barChartSvg(block.chart))}</figure>
    ${dataTable({
      caption: table.caption,
      headers: [table.firstHeader, ...COLUMNS.map((key) => t(key))],
      rows: table.rows.map((r) => [r.label, ...r.cells]),
      rowHeaders: true,
      footer: [t('report.total'), ...table.totals],
    })}`;
}

/** The figures, charts and tables of a report: shared by the back-office page and the CLI's HTML file. */
export function reportFigures(view: ReportFiguresView) {
  return html`<h2>${view.heading}</h2>
    <p class="hint">${view.window}</p>
    ${factsTable(view.summary, 'summary-list')}
    <h2 id="theo-dich-vu">${t('report.byService')}</h2>
    ${chartAndTable(view.byService)}
    ${view.byDepartment ? html`<h2 id="theo-don-vi">${t('report.byDepartment')}</h2>${chartAndTable(view.byDepartment)}` : ''}
    <h2 id="muc-do-hai-long">${t('report.bySatisfaction')}</h2>
    ${satisfactionTable(view.satisfaction.byService)}
    ${view.satisfaction.byDepartment ? satisfactionTable(view.satisfaction.byDepartment) : ''}
    <p class="hint">${t('report.footnote')}</p>`;
}

/** A self-contained HTML file of the report, as `npm run report -- --format html` writes it: no server, no network. */
export function reportDocument(view: ReportFiguresView) {
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${view.documentTitle}</title>
    <style>
      body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1b1b1b; max-width: 64rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
      table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
      caption { text-align: left; font-weight: 700; }
      th, td { border-bottom: 1px solid #b1b4b6; text-align: left; padding: .4rem .5rem .4rem 0; }
      .summary-list { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
      .summary-list dt { font-weight: 700; }
      .hint { color: #505a5f; }
      figure { margin: 1rem 0; overflow-x: auto; }
    </style>
  </head>
  <body>
    <main>
      <h1>${t('report.heading')}</h1>
      ${reportFigures(view)}
    </main>
  </body>
</html>`;
}

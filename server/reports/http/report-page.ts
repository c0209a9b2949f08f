import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import { reportFigures } from './report-figures.ts';
import { REPORT_PATH, type ReportPageView } from './report-page-view.ts';

/** The usage report of Điều 16: figures, charts (each with its table) and downloads. */
export function reportPage(view: ReportPageView) {
  return layout(
    view.frame,
    html`<h1>${t('report.heading')}</h1>
      <p class="hint">${t('report.hint')}</p>
      ${errorSummary(view.error)}
      <form method="get" action="${REPORT_PATH}">
        ${view.fields.map((f) => field(f, BACK_OFFICE_FIELD))}
        <button type="submit">${t('report.show')}</button>
      </form>
      ${
        view.links.length
          ? html`<p>${view.links.map((link, i) => html`${i > 0 ? ' · ' : ''}<a href="${link.href}"${link.download ? ' download' : ''}>${link.text}</a>`)}</p>`
          : ''
      }
      ${view.figures ? reportFigures(view.figures) : ''}`,
  );
}

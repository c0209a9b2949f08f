import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import { CASES_PATH } from './case-paths.ts';
import type { QueuePageView, QueueRow } from './queue-page-view.ts';

function due(row: QueueRow) {
  if (!row.due) return t('common.none');
  const { flag } = row.due;
  return html`${row.due.at} ${flag ? html`<strong class="deadline-${flag.level}">${flag.label}</strong>` : ''}`;
}

export function queuePage(view: QueuePageView) {
  return layout(
    view.frame,
    html`<h1>${view.title}</h1>
      <p>${view.links.map((link, i) => html`${i > 0 ? ' · ' : ''}<a href="${link.href}">${link.text}</a>`)}</p>
      <form method="get" action="${CASES_PATH}/" class="filters">
        ${view.filters.map((f) => field(f, BACK_OFFICE_FIELD))}
        <button type="submit">${t('queue.filter')}</button>
      </form>
      ${
        view.rows.length === 0
          ? html`<p>${t('queue.empty')}</p>`
          : dataTable({
              caption: t('queue.caption'),
              headers: [t('queue.code'), t('case.service'), t('case.subject'), t('case.status'), t('queue.due')],
              rows: view.rows.map((row) => ({
                data: { ma: row.trackingCode },
                cells: [
                  html`<a href="${row.href}">${row.trackingCode}</a>`,
                  row.service,
                  row.subject,
                  row.status,
                  due(row),
                ],
              })),
            })
      }`,
  );
}

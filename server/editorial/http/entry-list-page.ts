import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import { ENTRY_LIST_PATH, type EntryListPageView } from './entry-list-page-view.ts';

export function entryListPage(view: EntryListPageView) {
  return layout(
    view.frame,
    html`<h1>${view.heading}</h1>
      <form method="get" action="${ENTRY_LIST_PATH}" class="filters">
        ${view.filters.map((f) => field(f, BACK_OFFICE_FIELD))}
        <button type="submit">${t('entries.filter')}</button>
      </form>
      ${
        view.rows.length === 0
          ? html`<p>${view.caption}</p>`
          : dataTable({
              caption: view.caption,
              headers: [
                t('entries.col.title'),
                t('entries.col.section'),
                t('entries.col.state'),
                t('entries.col.author'),
                t('entries.col.lastStep'),
                t('entries.col.age'),
                t('entries.col.edit'),
              ],
              rowHeaders: true,
              rows: view.rows.map((row) => [
                html`<a href="${row.href}">${row.title}</a>`,
                row.section,
                row.state,
                row.author,
                row.lastStep,
                row.age,
                html`<a href="${row.cmsHref}">${t('entries.openInCms')}</a>`,
              ]),
            })
      }
      ${
        view.pager
          ? html`<nav aria-label="${t('entries.pagination')}" class="pager">
            ${view.pager.previous ? html`<a href="${view.pager.previous}" rel="prev">${t('entries.previous')}</a>` : ''}
            <span>${view.pager.text}</span>
            ${view.pager.next ? html`<a href="${view.pager.next}" rel="next">${t('entries.next')}</a>` : ''}
          </nav>`
          : ''
      }`,
  );
}

import { html } from 'hono/html';
import { credentialHistory } from '#server/accounts/index.ts';
import { type DataTableView, dataTable } from '../ui/components/data-table.ts';
import { factsTable } from '../ui/components/facts-table.ts';
import { layout } from '../ui/components/layout.ts';
import { notice } from '../ui/components/notice.ts';
import { t } from '../ui/vi.ts';
import type { HomePageView } from './home-page-view.ts';

/** The case's code links to its page. */
function linkedRow(row: DataTableView['rows'][number]) {
  if (!('cells' in row) || !row.data?.href) return row;
  const { href, ...data } = row.data;
  const [code, ...rest] = row.cells;
  return { cells: [html`<a href="${href}">${code}</a>`, ...rest], data };
}

/** What waits for the person, one table per kind, each item linked to where it is handled (docs/adr/0091). */
function work(view: NonNullable<HomePageView['work']>) {
  return html`<section aria-labelledby="viec-cho" data-work-total="${view.total}">
    <h2 id="viec-cho">${t('work.heading')}</h2>
    <p>${view.summary}</p>
    ${view.groups.map(
      (group) => html`<section aria-labelledby="${group.id}" data-work-kind="${group.kind}" data-count="${group.count}">
        <h3 id="${group.id}">${group.heading} (${group.count})</h3>
        <p class="hint">${group.hint}</p>
        ${dataTable({ ...group.table, rows: group.table.rows.map((row) => linkedRow(row)) })}
      </section>`,
    )}
  </section>`;
}

export function homePage(view: HomePageView) {
  return layout(
    view.frame,
    html`<h1>${view.greeting}</h1>
      ${notice(view.notice)}
      ${view.work ? work(view.work) : ''}
      ${
        view.escalated
          ? html`<section aria-labelledby="qua-han-can-chi-dao">
            <h2 id="qua-han-can-chi-dao">${t('home.escalated')}</h2>
            <p class="hint">${t('home.escalatedHint')}</p>
            ${dataTable({ ...view.escalated, rows: view.escalated.rows.map((row) => linkedRow(row)) })}
          </section>`
          : ''
      }
      ${view.disposal ? html`<p class="notice" role="note"><a href="${view.disposal.href}">${view.disposal.text}</a></p>` : ''}
      ${factsTable(view.facts, 'summary-list')}
      <section aria-labelledby="cap-mat-khau">
        <h2 id="cap-mat-khau">${t('home.passwords')}</h2>
        <p class="hint">${t('home.passwordsHint')}</p>
        ${credentialHistory(view.ownHistory)}
      </section>
      ${
        view.boardHistory
          ? html`<section aria-labelledby="cap-mat-khau-ban">
            <h2 id="cap-mat-khau-ban">${t('home.boardPasswords')}</h2>
            ${credentialHistory(view.boardHistory)}
          </section>`
          : ''
      }`,
  );
}

import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { DisposalsPageView } from './disposals-page-view.ts';

export function disposalsPage(view: DisposalsPageView) {
  return layout(
    view.frame,
    html`<h1>${view.title}</h1>
      ${notice(view.notice)}
      <p>${t('disposals.hint')}</p>
      ${
        view.pending
          ? html`${dataTable(view.pending.table)}
            <form method="post" action="${view.pending.action}">
              <p>${view.pending.warning}</p>
              <button type="submit" data-hanh-dong="phe-duyet-huy">${t('disposals.approve')}</button>
            </form>`
          : html`<p>${t('disposals.none')}</p>`
      }
      ${view.decided.length ? html`<h2>${t('disposals.history')}</h2>${view.decided.map(dataTable)}` : ''}`,
  );
}

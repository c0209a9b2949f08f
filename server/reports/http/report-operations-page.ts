import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { OperationsPageView, SiteOperationsView } from './report-operations-page-view.ts';

function siteBlock(s: SiteOperationsView) {
  return html`<section aria-labelledby="trang-${s.id}">
    <h2 id="trang-${s.id}">${s.name}</h2>
    <p>${s.lastBuild ?? html`<strong>${t('operations.neverBuilt')}</strong>`}</p>
    ${dataTable({
      caption: t('operations.history'),
      headers: [
        t('operations.at'),
        t('operations.trigger'),
        t('operations.duration'),
        t('operations.pages'),
        t('operations.result'),
      ],
      rows: s.builds,
      empty: t('operations.noHistory'),
    })}
    ${s.excluded ? dataTable({ caption: s.excluded.caption, headers: [t('operations.file'), t('operations.problem')], rows: s.excluded.rows }) : ''}
    ${
      s.brokenLinks === null
        ? ''
        : s.brokenLinks.rows.length === 0
          ? html`<p>${t('operations.noBrokenLinks')}</p>`
          : dataTable({
              caption: s.brokenLinks.caption,
              headers: [t('operations.file'), t('operations.line'), t('operations.problem')],
              rows: s.brokenLinks.rows,
            })
    }
  </section>`;
}

export function operationsPage(view: OperationsPageView) {
  return layout(
    view.frame,
    html`<h1>${t('operations.heading')}</h1>
      <p class="hint">${t('operations.hint')} <a href="/healthz">/healthz</a>.</p>
      ${view.departments ? html`<ul class="nav-list">${view.departments.map((d) => html`<li><a href="${d.href}">${d.text}</a></li>`)}</ul>` : ''}
      ${view.sites.map(siteBlock)}`,
  );
}

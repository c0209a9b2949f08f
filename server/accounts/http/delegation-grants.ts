import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { DelegationGrantRow } from './delegation-grants-view.ts';

/** The grants of verify and publish, shown beside the compliance checks. */
export function delegationGrants(rows: readonly DelegationGrantRow[]) {
  return html`<section aria-labelledby="uy-quyen">
    <h2 id="uy-quyen">${t('grants.heading')}</h2>
    ${
      rows.length === 0
        ? html`<p>${t('grants.empty')}</p>`
        : dataTable({
            caption: t('grants.caption'),
            headers: [t('grants.at'), t('grants.by'), t('grants.to'), t('grants.before'), t('grants.after')],
            rows: rows.map((r) => [r.at, r.by, r.to, r.before, r.after]),
          })
    }
  </section>`;
}

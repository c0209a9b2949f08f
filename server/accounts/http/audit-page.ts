import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { AuditPageView } from './audit-page-view.ts';

const COLUMNS = ['audit.at', 'audit.actor', 'audit.action', 'audit.target', 'audit.ip', 'audit.details'] as const;

export function auditPage(view: AuditPageView) {
  return layout(
    view.frame,
    html`<h1>${t('audit.heading')}</h1>
      <p class="hint">${t('audit.hint')}</p>
      ${dataTable({
        caption: t('audit.caption'),
        captionHidden: true,
        headers: COLUMNS.map((key) => t(key)),
        rows: view.rows.map((r) => [r.at, r.actor, r.action, r.target, r.ip, r.details]),
      })}
      ${view.olderHref ? html`<p><a href="${view.olderHref}">${t('audit.older')}</a></p>` : ''}`,
  );
}

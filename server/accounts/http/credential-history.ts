import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { CredentialHistoryView } from './credential-history-view.ts';

/** The table of one-time passwords given, or a sentence saying there were none. */
export function credentialHistory(view: CredentialHistoryView) {
  if (view.empty) return html`<p class="hint">${view.empty}</p>`;
  const columns = [
    'credentials.kind',
    'credentials.at',
    'credentials.by',
    'credentials.ip',
    'credentials.delivery',
    'credentials.firstSignIn',
  ] as const;
  return dataTable({
    className: 'credential-history',
    caption: view.caption,
    headers: [...(view.showAccount ? [t('credentials.account')] : []), ...columns.map((key) => t(key))],
    rows: view.rows.map((r) => [
      ...(r.account !== undefined ? [r.account] : []),
      r.kind,
      r.at,
      r.by,
      r.ip,
      r.delivery,
      r.firstSignIn
        ? html`${r.firstSignIn.text}<br /><small>${r.firstSignIn.userAgent}</small>`
        : t('credentials.notSignedIn'),
    ]),
  });
}

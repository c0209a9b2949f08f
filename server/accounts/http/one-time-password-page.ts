import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { OneTimePasswordPageView } from './one-time-password-page-view.ts';

export function oneTimePasswordPage(view: OneTimePasswordPageView) {
  const password =
    'mailedTo' in view.password
      ? { term: t('field.oneTimePassword'), detail: view.password.mailedTo, id: 'da-gui-thu' }
      : {
          term: t('field.oneTimePassword'),
          detail: html`<code class="secret" id="mat-khau-mot-lan">${view.password.shown}</code>`,
        };
  return layout(
    view.frame,
    html`<h1>${view.title}</h1>
      <div class="panel" role="status">
        ${factsTable(
          [
            { term: t('field.fullName'), detail: view.fullName },
            { term: t('field.role'), detail: view.role },
            {
              term: t('field.username'),
              detail: html`<code class="secret" id="ten-dang-nhap">${view.username}</code>`,
            },
            password,
          ],
          'summary-list',
        )}
      </div>
      ${view.mailedNote ? html`<p>${view.mailedNote} ${view.expiry}</p>` : ''}
      ${
        view.shownNote
          ? html`<p><strong>${view.shownNote.once}</strong> ${view.shownNote.handOver} ${view.expiry}</p>
            <p class="hint">${view.shownNote.witness}</p>`
          : ''
      }
      <p><a href="${BACK_OFFICE_PATHS.accounts}">${t('account.back')}</a></p>`,
  );
}

import { html } from 'hono/html';
import { credentialHistory } from '#server/accounts/index.ts';
import { factsTable } from '../ui/components/facts-table.ts';
import { layout } from '../ui/components/layout.ts';
import { notice } from '../ui/components/notice.ts';
import { t } from '../ui/vi.ts';
import type { HomePageView } from './home-page-view.ts';

export function homePage(view: HomePageView) {
  return layout(
    view.frame,
    html`<h1>${view.greeting}</h1>
      ${notice(view.notice)}
      ${factsTable(view.facts, 'summary-list')}
      <section aria-labelledby="cap-mat-khau">
        <h2 id="cap-mat-khau">${t('home.passwords')}</h2>
        <p class="hint">${t('home.passwordsHint')}</p>
        ${credentialHistory(view.ownHistory)}
      </section>
      ${view.boardHistory
        ? html`<section aria-labelledby="cap-mat-khau-ban">
            <h2 id="cap-mat-khau-ban">${t('home.boardPasswords')}</h2>
            ${credentialHistory(view.boardHistory)}
          </section>`
        : ''}`,
  );
}

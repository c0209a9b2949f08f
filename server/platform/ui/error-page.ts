import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '../http/back-office-paths.ts';
import { errorSummary } from './components/error-summary.ts';
import { layout } from './components/layout.ts';
import type { ErrorPageView } from './error-page-view.ts';
import { t } from './vi.ts';

/** A whole-page error, for failures that have no form to return to. */
export function errorPage(view: ErrorPageView) {
  return layout(
    view.frame,
    html`<h1>${view.title}</h1>
      ${errorSummary({ message: view.message, code: { label: t('errorPage.code'), value: view.code } })}
      <p><a href="${BACK_OFFICE_PATHS.home}">${t('errorPage.back')}</a></p>`,
  );
}

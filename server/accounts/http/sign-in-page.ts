import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { SignInPageView } from './sign-in-page-view.ts';

export function signInPage(view: SignInPageView) {
  return layout(
    view.frame,
    html`<h1>${t('signIn.title')}</h1>
      ${notice(view.notice)} ${errorSummary(view.errors)}
      <form method="post" action="${view.action}" novalidate>
        ${field(view.username, BACK_OFFICE_FIELD)}
        ${field(view.password, BACK_OFFICE_FIELD)}
        <button type="submit">${t('signIn.submit')}</button>
      </form>
      <p class="hint">${t('signIn.firstTime')}</p>`,
  );
}

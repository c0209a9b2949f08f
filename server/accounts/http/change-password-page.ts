import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ChangePasswordPageView } from './change-password-page-view.ts';

export function changePasswordPage(view: ChangePasswordPageView) {
  return layout(
    view.frame,
    html`<h1>${t('changePassword.title')}</h1>
      ${notice(view.notice)} ${errorSummary(view.errors)}
      <form method="post" action="${BACK_OFFICE_PATHS.changePassword}" novalidate>
        <input type="text" name="username" value="${view.username}" autocomplete="username" hidden />
        ${view.fields.map((f) => field(f, BACK_OFFICE_FIELD))}
        <button type="submit">${t('changePassword.submit')}</button>
      </form>`,
  );
}

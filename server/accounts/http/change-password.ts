import { Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import type { WeakPasswordError } from '../errors.ts';
import { readForm, requestMeta } from '#server/platform/http/request-input.ts';
import { writeSessionCookie } from './session-cookie.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { ChangePasswordInputSchema } from '../input-schemas.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import type { Services } from '../create-services.ts';
import { changePasswordPage } from './change-password-page.ts';
import { changePasswordPageView } from './change-password-page-view.ts';
import { formErrorsFrom } from '#server/platform/ui/form-errors.ts';
import { withNotice } from '#server/platform/ui/notices.ts';
import { t } from '#server/platform/ui/vi.ts';

const LABELS = {
  currentPassword: t('field.currentPassword'),
  newPassword: t('field.newPassword'),
  confirmation: t('field.confirmation'),
};

export function changePasswordRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get(BACK_OFFICE_PATHS.changePassword, (c) =>
      c.html(changePasswordPage(changePasswordPageView({ site: c.var.site, account: c.var.session!.account }))),
    )
    .post(BACK_OFFICE_PATHS.changePassword, async (c) => {
      const session = c.var.session!;
      c.set('formErrorView', (error) =>
        changePasswordPage(
          changePasswordPageView({
            site: c.var.site,
            account: session.account,
            errors: formErrorsFrom(
              error,
              (e) => {
                if (e.code === 'E_INVALID_CREDENTIALS') return 'currentPassword';
                if (e.code === 'E_WEAK_PASSWORD')
                  return (e as InstanceType<typeof WeakPasswordError>).data.reason === 'mismatch'
                    ? 'confirmation'
                    : 'newPassword';
                return undefined;
              },
              LABELS,
            ),
          }),
        ),
      );
      const input = parseInput(ChangePasswordInputSchema, await readForm(c));
      const renewed = await services.auth.changePassword(session, input, requestMeta(c));
      writeSessionCookie(c, renewed.token, renewed.session, services.deps.clock());
      return c.redirect(withNotice(BACK_OFFICE_PATHS.home, 'da-doi-mat-khau'), 303);
    });
}

import { Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { readDeviceCookie, writeDeviceCookie } from './device-cookie.ts';
import { readSessionCookie, writeSessionCookie } from './session-cookie.ts';
import { readForm, requestMeta } from '#server/platform/http/request-input.ts';
import { BACK_OFFICE_PATHS, safeReturnPath } from '#server/platform/http/back-office-paths.ts';
import { SignInInputSchema } from '../input-schemas.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import type { Services } from '../create-services.ts';
import { formErrorsFrom } from '#server/platform/ui/form-errors.ts';
import { signInPage } from './sign-in-page.ts';
import { signInPageView } from './sign-in-page-view.ts';
import { noticeFor } from '#server/platform/ui/notices.ts';
import { t } from '#server/platform/ui/vi.ts';

const LABELS = { username: t('field.username'), password: t('field.password') };

export function signInRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get(BACK_OFFICE_PATHS.signIn, (c) => {
      const session = c.var.session;
      if (session)
        return c.redirect(
          session.account.mustChangePassword ? BACK_OFFICE_PATHS.changePassword : BACK_OFFICE_PATHS.home,
          303,
        );
      const returnTo = c.req.query('tiep');
      return c.html(
        signInPage(
          signInPageView({
            site: c.var.site,
            returnTo: returnTo && safeReturnPath(returnTo),
            notice: noticeFor(c.req.query('thong-bao'), undefined),
          }),
        ),
      );
    })
    .post(BACK_OFFICE_PATHS.signIn, async (c) => {
      const returnTo = safeReturnPath(c.req.query('tiep'));
      const body = await readForm(c);
      const typed = typeof body.username === 'string' ? body.username.slice(0, 64) : '';
      c.set('formErrorView', (error) =>
        signInPage(
          signInPageView({
            site: c.var.site,
            username: typed,
            returnTo,
            errors: formErrorsFrom(error, (e) => (e.code === 'E_INVALID_CREDENTIALS' ? 'username' : undefined), LABELS),
          }),
        ),
      );
      const input = parseInput(SignInInputSchema, body);
      const signedIn = await services.auth.signIn(
        {
          ...input,
          site: c.var.site,
          previousToken: readSessionCookie(c),
          deviceToken: readDeviceCookie(c, input.username),
        },
        requestMeta(c),
      );
      writeSessionCookie(c, signedIn.token, signedIn.session, services.deps.clock());
      if (signedIn.deviceToken) writeDeviceCookie(c, input.username, signedIn.deviceToken);
      return c.redirect(signedIn.account.mustChangePassword ? BACK_OFFICE_PATHS.changePassword : returnTo, 303);
    });
}

import { Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { requestMeta } from '#server/platform/http/request-input.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Services } from '../create-services.ts';
import { withNotice } from '#server/platform/ui/notices.ts';

/** POST only: a GET link could sign people out from an <img> on any page. */
export function signOutRoutes(services: Services) {
  return new Hono<AppEnv>().post(BACK_OFFICE_PATHS.signOut, async (c) => {
    await services.auth.signOut(c.var.session!, requestMeta(c));
    clearSessionCookie(c);
    return c.redirect(withNotice(BACK_OFFICE_PATHS.signIn, 'da-dang-xuat'), 303);
  });
}

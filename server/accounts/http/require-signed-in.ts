import type { Context, Next } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotAuthenticatedError, PasswordChangeRequiredError } from '../errors.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';

function wantsPage(c: Context<AppEnv>): boolean {
  return c.req.method === 'GET' && !c.req.path.includes('/api/');
}

/** Everything after this needs a session. Pages redirect to sign-in; the rest get 401. */
export function requireSignedIn() {
  return async function requireSignedIn(c: Context<AppEnv>, next: Next) {
    if (!c.var.session) {
      if (wantsPage(c)) return c.redirect(`${BACK_OFFICE_PATHS.signIn}?tiep=${encodeURIComponent(c.req.path)}`, 303);
      throw new NotAuthenticatedError();
    }
    await next();
  };
}

/**
 * Điều 11.2: with a one-time password the change-password page (and signing
 * out) is all there is. Mounted after those two routes, so it guards the rest.
 */
export function requirePasswordChanged() {
  return async function requirePasswordChanged(c: Context<AppEnv>, next: Next) {
    if (c.var.session?.account.mustChangePassword) {
      if (wantsPage(c)) return c.redirect(BACK_OFFICE_PATHS.changePassword, 303);
      throw new PasswordChangeRequiredError();
    }
    await next();
  };
}

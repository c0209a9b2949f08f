import type { Context, Next } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { MalformedSessionError } from '../errors.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';
import { SESSION_TOKEN_PATTERN } from '../session-token.ts';
import type { AuthService } from '../auth-service.ts';

/**
 * Sets `c.var.session` from the cookie, or null. A cookie that is not even
 * shaped like one of our tokens is answered with a clear error and cleared,
 * without a database lookup.
 */
export function loadSession(auth: AuthService) {
  return async function loadSession(c: Context<AppEnv>, next: Next) {
    const token = readSessionCookie(c);
    let session = null;
    if (token !== undefined && token !== '') {
      if (!SESSION_TOKEN_PATTERN.test(token)) {
        clearSessionCookie(c);
        throw new MalformedSessionError();
      }
      session = await auth.resume(token, c.var.site);
      if (!session) clearSessionCookie(c);
    }
    c.set('session', session);
    await next();
  };
}

import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '#server/platform/app-env.ts';
import { cookieMaxAgeSeconds, type SessionTimes } from '../session-policy.ts';

const NAME = 'congso_phien';

/**
 * Over https the cookie is `__Host-` prefixed: the browser then insists on
 * Secure, Path=/ and no Domain, so no other department host (and no
 * plain-http page) can set or overwrite it. Over plain http (development on
 * *.localhost) neither prefix nor Secure would be accepted, so both are
 * dropped there. HttpOnly keeps it from scripts; SameSite=Lax keeps it off
 * cross-site subrequests and POSTs.
 */
export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return c.var.secure ? getCookie(c, NAME, 'host') : getCookie(c, NAME);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, session: SessionTimes, now: number): void {
  const options = { httpOnly: true, sameSite: 'Lax' as const, path: '/', maxAge: cookieMaxAgeSeconds(session, now) };
  if (c.var.secure) setCookie(c, NAME, token, { ...options, prefix: 'host' });
  else setCookie(c, NAME, token, options);
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  if (c.var.secure) deleteCookie(c, NAME, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, NAME, { path: '/' });
}

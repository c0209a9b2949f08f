import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '#server/platform/app-env.ts';
import { DEVICE_TOKEN_MAX_AGE_MS } from '../device-token.ts';

/**
 * One cookie per account that signed in on this browser (docs/adr/0018), so
 * colleagues sharing an office computer each keep theirs. Like the session
 * cookie, `__Host-` and Secure over https; HttpOnly; SameSite=Strict, since
 * only our own sign-in form needs it.
 */
const name = (username: string) => `congso_thiet_bi_${username}`;

export function readDeviceCookie(c: Context<AppEnv>, username: string): string | undefined {
  return c.var.secure ? getCookie(c, name(username), 'host') : getCookie(c, name(username));
}

export function writeDeviceCookie(c: Context<AppEnv>, username: string, token: string): void {
  const options = {
    httpOnly: true,
    sameSite: 'Strict' as const,
    path: '/',
    maxAge: Math.floor(DEVICE_TOKEN_MAX_AGE_MS / 1000),
  };
  if (c.var.secure) setCookie(c, name(username), token, { ...options, prefix: 'host' });
  else setCookie(c, name(username), token, options);
}

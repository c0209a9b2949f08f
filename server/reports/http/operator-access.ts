import type { Context } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { isLoopbackAddress } from '#server/platform/http/loopback.ts';
import { readSessionCookie, SESSION_TOKEN_PATTERN, type AuthService } from '#server/accounts/index.ts';

/**
 * Whether a request comes from whoever operates the province's servers: a
 * probe on the machine itself (loopback, as connectionInfo decided it:
 * behind a trusted proxy, the client the proxy names) or the signed-in
 * province administrator (Điều 5.2).
 */
export function operatorAccess(auth: AuthService) {
  return async function isOperator(c: Context<AppEnv>): Promise<boolean> {
    if (isLoopbackAddress(c.var.clientAddress)) return true;
    const token = readSessionCookie(c);
    if (!token || !SESSION_TOKEN_PATTERN.test(token)) return false;
    const active = await auth.resume(token, c.var.site);
    return active !== null && active.account.role === 'admin' && !active.account.mustChangePassword;
  };
}

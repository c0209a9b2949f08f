import { type Context, Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { readSessionCookie } from '#server/accounts/index.ts';
import { isLoopbackAddress } from '#server/platform/http/loopback.ts';
import { checkHealth, type HealthDeps } from '../health.ts';
import { SESSION_TOKEN_PATTERN } from '#server/accounts/index.ts';
import type { AuthService } from '#server/accounts/index.ts';

/**
 * `GET /healthz` on every host, without sign-in: 200 when the database, the
 * content repository and every site's last build are there, 503 otherwise,
 * so a load balancer or uptime monitor needs no account. Strangers get only
 * `{ ok }`: the repository head, build commits and times tell an attacker
 * what runs and when it last changed. The details go to a probe on the
 * server itself and to the signed-in province administrator (Điều 5.2).
 */
export function healthzRoutes(deps: HealthDeps, auth: AuthService) {
  async function isProvinceAdmin(c: Context<AppEnv>): Promise<boolean> {
    const token = readSessionCookie(c);
    if (!token || !SESSION_TOKEN_PATTERN.test(token)) return false;
    const active = await auth.resume(token, c.var.site);
    return active !== null && active.account.role === 'admin' && !active.account.mustChangePassword;
  }

  return new Hono<AppEnv>().get('/healthz', async (c) => {
    const report = await checkHealth(deps);
    c.header('Cache-Control', 'no-store');
    const detailed = isLoopbackAddress(c.var.clientAddress) || (await isProvinceAdmin(c));
    return c.json(detailed ? report : { ok: report.ok }, report.ok ? 200 : 503);
  });
}

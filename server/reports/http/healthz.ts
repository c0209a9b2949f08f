import { Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { checkHealth, type HealthDeps } from '../health.ts';
import type { AuthService } from '#server/accounts/index.ts';
import { operatorAccess } from './operator-access.ts';

/**
 * `GET /healthz` on every host, without sign-in: 200 when the database, the
 * content repository and every site's last build are there, 503 otherwise,
 * so a load balancer or uptime monitor needs no account. Strangers get only
 * `{ ok }`: the repository head, build commits and times tell an attacker
 * what runs and when it last changed. The details go to a probe on the
 * server itself and to the signed-in province administrator (Điều 5.2).
 */
export function healthzRoutes(deps: HealthDeps, auth: AuthService) {
  const isOperator = operatorAccess(auth);
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    const report = await checkHealth(deps);
    c.header('Cache-Control', 'no-store');
    const detailed = await isOperator(c);
    return c.json(detailed ? report : { ok: report.ok }, report.ok ? 200 : 503);
  });
}

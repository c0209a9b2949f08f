import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { checkHealth, type HealthDeps } from '../lib/reports/health.ts';

/**
 * `GET /healthz` on every host, without sign-in: 200 when the database, the
 * content repository and every site's last build are there, 503 otherwise,
 * so a load balancer or uptime monitor needs no account.
 */
export function healthzRoutes(deps: HealthDeps) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    const report = await checkHealth(deps);
    c.header('Cache-Control', 'no-store');
    return c.json(report, report.ok ? 200 : 503);
  });
}

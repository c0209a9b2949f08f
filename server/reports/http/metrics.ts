import { Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import type { AuthService } from '#server/accounts/index.ts';
import { MetricsForbiddenError } from '../errors.ts';
import { operatorAccess } from './operator-access.ts';

/**
 * `GET /metrics`: the Prometheus text of this server process (docs/adr/0105),
 * for a scraper on the machine itself or the province administrator.
 * Behind nginx, the proxy does not pass it on at all.
 */
export function metricsRoutes(render: () => Promise<string>, auth: AuthService) {
  const isOperator = operatorAccess(auth);
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!(await isOperator(c))) throw new MetricsForbiddenError();
    return c.body(await render(), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  });
}

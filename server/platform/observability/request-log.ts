import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from './log.ts';
import type { ServerMetrics } from './server-metrics.ts';

/** A request id a trusted proxy may pass on (nginx's $request_id is 32 hex digits). */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,128}$/;

export interface RequestLogOptions {
  log: Logger;
  metrics?: ServerMetrics;
  /** Behind the reverse proxy, its X-Request-Id is kept, so its access log and ours name the same request. */
  trustProxy: boolean;
}

/**
 * One log line per request (docs/adr/0105), with an id that is also sent
 * back as `X-Request-Id` so a citizen's or an officer's "it failed" can be
 * found. The line holds the method, host, path without its query, status and
 * time: no address, no query string, no form field, so nothing a citizen
 * typed or who they are (Nghị định 13/2023/NĐ-CP on personal data).
 */
export function requestLog({ log, metrics, trustProxy }: RequestLogOptions) {
  return async function requestLog(c: Context<AppEnv>, next: Next) {
    const started = performance.now();
    const forwarded = trustProxy ? c.req.header('x-request-id') : undefined;
    const requestId = forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    c.set('requestId', requestId);
    await next();
    const seconds = (performance.now() - started) / 1000;
    c.res.headers.set('X-Request-Id', requestId);
    const site = c.var.site;
    const path = c.req.path.slice(0, 200);
    log.info('request', {
      requestId,
      method: c.req.method,
      site: site?.kind === 'department' ? site.department.id : (site?.kind ?? null),
      path,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
    });
    metrics?.request(c.req.method, path, c.res.status, seconds);
  };
}

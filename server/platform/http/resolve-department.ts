import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { UnknownSiteError } from '../errors.ts';
import { type HostIndex, siteForHost } from './site-for-host.ts';

/**
 * Which site a request is for, from its Host: `<id>.localhost[:port]` and
 * each official domain → that department; bare localhost (and configured
 * portal domains) → the province portal. Everything downstream reads
 * `c.var.site`; an unknown host gets a 404 rather than some default site.
 */
export function resolveDepartment(index: HostIndex) {
  return async function resolveDepartment(c: Context<AppEnv>, next: Next) {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const site = siteForHost(host, index);
    if (!site) throw new UnknownSiteError({ host: host.slice(0, 255) });
    c.set('site', site);
    await next();
  };
}

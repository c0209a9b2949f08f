import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { CrossOriginError } from '../errors.ts';
import { changesState, isSameOrigin } from './same-origin.ts';

/**
 * Refuses state-changing requests that do not prove they come from a page of
 * this very origin. The reasoning (why Origin, why not SameSite alone, why a
 * request with neither header is refused) is in ../lib/same-origin.ts.
 */
export function checkOrigin() {
  return async function checkOrigin(c: Context<AppEnv>, next: Next) {
    if (changesState(c.req.method)) {
      const origin = c.req.header('origin') ?? null;
      const secFetchSite = c.req.header('sec-fetch-site') ?? null;
      const url = new URL(c.req.url);
      // Behind a TLS-terminating proxy the URL says http; the browser's Origin says https.
      const requestOrigin = `${c.var.secure ? 'https' : url.protocol.replace(':', '')}://${c.req.header('host') ?? url.host}`;
      if (!isSameOrigin({ requestOrigin, origin, secFetchSite })) {
        throw new CrossOriginError({
          origin: origin?.slice(0, 255) ?? null,
          secFetchSite: secFetchSite?.slice(0, 32) ?? null,
        });
      }
    }
    await next();
  };
}

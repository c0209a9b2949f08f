import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { handleError } from './error-response.ts';
import { NotFoundError } from '../errors.ts';
import { isSameSiteLocation } from './safe-location.ts';
import { log } from '../observability/log.ts';

/**
 * The last check on every redirect the server sends (docs/adr/0053). Routes
 * build their redirects from fixed paths or encoded input; should one ever
 * send a visitor off the site (`//host`, `/\host`, a scheme), the visitor
 * gets "not found" instead and the server log names the target.
 */
export function safeRedirects() {
  return async function safeRedirects(c: Context<AppEnv>, next: Next) {
    await next();
    const location = c.res.headers.get('location');
    if (location === null || isSameSiteLocation(location)) return;
    log.error('redirect-off-site-refused', {
      requestId: c.var.requestId,
      location: location.slice(0, 200),
      method: c.req.method,
      path: c.req.path.slice(0, 200),
    });
    const answer = await handleError(new NotFoundError({ path: c.req.path.slice(0, 200) }), c);
    // The answer is built on the context, which still holds the redirect's headers.
    answer.headers.delete('location');
    c.res = undefined;
    c.res = answer;
  };
}

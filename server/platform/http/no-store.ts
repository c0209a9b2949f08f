import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Back-office pages show one-time passwords and staff lists: never keep them in a shared or back/forward cache. */
export function noStore() {
  return async function noStore(c: Context<AppEnv>, next: Next) {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

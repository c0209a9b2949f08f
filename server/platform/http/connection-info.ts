import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';

export interface ConnectionInfoOptions {
  /**
   * Trust X-Forwarded-For / X-Forwarded-Proto. Only behind a reverse proxy
   * that sets them: otherwise any client could pick the address the throttle
   * counts against.
   */
  trustProxy: boolean;
}

/** The client's address (for throttling and the audit log) and whether it came over https. */
export function connectionInfo({ trustProxy }: ConnectionInfoOptions) {
  return async function connectionInfo(c: Context<AppEnv>, next: Next) {
    const socketAddress = c.env?.incoming?.socket?.remoteAddress ?? null;
    const forwardedFor = trustProxy ? c.req.header('x-forwarded-for') : undefined;
    // The last hop is the one our proxy appended; earlier ones are the client's own claims.
    const forwarded = forwardedFor?.split(',').at(-1)?.trim();
    c.set('clientAddress', (forwarded || socketAddress)?.slice(0, 64) ?? null);
    const proto = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    c.set('secure', (proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https');
    await next();
  };
}

import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { UnsupportedContentTypeError } from '../errors.ts';
import { changesState } from './same-origin.ts';

/**
 * JSON endpoints accept only `application/json` bodies. A page on another
 * site can send form-encoded, multipart or text/plain bodies without a CORS
 * preflight; it cannot send application/json. Defence in depth behind
 * checkOrigin, for clients that strip Origin.
 */
export function requireJson() {
  return async function requireJson(c: Context<AppEnv>, next: Next) {
    if (changesState(c.req.method)) {
      const received = c.req.header('content-type') ?? null;
      const mediaType = received?.split(';')[0].trim().toLowerCase();
      if (mediaType !== 'application/json') {
        throw new UnsupportedContentTypeError({
          expected: 'application/json',
          received: received?.slice(0, 100) ?? null,
        });
      }
    }
    await next();
  };
}

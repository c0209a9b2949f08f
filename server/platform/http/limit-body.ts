import type { Context, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { PayloadTooLargeError } from '../errors.ts';

/**
 * Back-office forms are a few fields: anything bigger is refused before it is parsed or hashed.
 *
 * A declared length is judged from the header alone, as hono's `bodyLimit` judges it, but without
 * asking for the body first: on the Node server that question turns the request into a web
 * `Request` with a stream, which cost a citizen's submission more than its validation did
 * (docs/adr/0111). Node's parser never hands over more bytes than the length declared. A body
 * without a length (chunked) is counted by hono's middleware as it arrives.
 */
export function limitBody(maxBytes: number) {
  const refuse = (): never => {
    throw new PayloadTooLargeError({ maxBytes });
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: refuse });
  return async function limitBody(c: Context<AppEnv>, next: Next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > maxBytes) refuse();
      return next();
    }
    return limit(c, next);
  };
}

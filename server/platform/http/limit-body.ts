import type { Context, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { PayloadTooLargeError } from '../errors.ts';

/** Back-office forms are a few fields: anything bigger is refused before it is parsed or hashed. */
export function limitBody(maxBytes: number) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError({ maxBytes });
    },
  });
  return async function limitBody(c: Context<AppEnv>, next: Next) {
    return limit(c, next);
  };
}

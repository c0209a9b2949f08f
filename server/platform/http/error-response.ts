import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { type AppError, asAppError, isAppError } from '../app-error.ts';
import { InternalError, PayloadTooLargeError } from '../errors.ts';
import { errorPage } from '../ui/error-page.ts';
import { errorPageView } from '../ui/error-page-view.ts';
import { log } from '../observability/log.ts';

function toAppError(thrown: unknown, requestId: string | undefined): AppError<object> {
  const error = asAppError(thrown);
  if (error) return error;
  if (thrown instanceof HTTPException && thrown.status === 413) return new PayloadTooLargeError({ maxBytes: 0 });
  // Anything else is a bug: log it whole here, with the request's id, and show nothing of it to the visitor.
  log.error('bug', { requestId, error: thrown });
  return new InternalError();
}

function wantsJson(c: Context<AppEnv>): boolean {
  if (c.req.path.includes('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * The one place errors become responses: JSON `{ error: { code, message, data } }`
 * for API clients; for pages, the form the request came from re-rendered with
 * the error (when the route registered one), else an error page.
 */
export async function handleError(thrown: unknown, c: Context<AppEnv>): Promise<Response> {
  const error = toAppError(thrown, c.var.requestId);
  const message = error.message;
  // A refusal that passes with time says when to come back (RFC 9110 §10.2.3), whichever capability refused.
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  // A server-side failure's data describes the server (folders, internals), not the request: the visitor gets the code only.
  const data = error.status >= 500 ? {} : error.data;
  if (wantsJson(c)) return c.json({ error: { code: error.code, message, data } }, error.status);
  const form = c.var.formErrorView && error.status < 500 ? await formPage(c.var.formErrorView, error) : null;
  if (form) return c.html(form, error.status);
  return c.html(
    await errorPage(errorPageView({ site: c.var.site ?? null, status: error.status, message, code: error.code })),
    error.status,
  );
}

/** The form re-rendered with the error; null when that fails too (the plain error page then says what went wrong first). */
async function formPage(view: NonNullable<AppEnv['Variables']['formErrorView']>, error: AppError<object>) {
  try {
    return await view(error);
  } catch (secondary) {
    // A refusal while re-rendering (the case is not this officer's to view) is expected; anything else is a bug to log.
    if (!isAppError(secondary)) log.error('bug', { error: secondary });
    return null;
  }
}

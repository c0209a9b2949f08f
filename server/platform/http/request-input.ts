import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { isAppError } from '../app-error.ts';
import { ValidationError } from '../errors.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return { ip: c.var.clientAddress, userAgent: c.req.header('user-agent') ?? null };
}

const MALFORMED_BODY = () => new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });

/**
 * The body of a form post, urlencoded or multipart. A body the parser cannot
 * read (no boundary, a truncated part) is the sender's mistake: an input
 * error like malformed JSON, never a server error (docs/adr/0053).
 */
export async function parseFormBody(c: Context<AppEnv>) {
  try {
    return await c.req.parseBody({ all: true });
  } catch (error) {
    // The body limit refuses while the body is read: that refusal stands.
    if (isAppError(error) || error instanceof HTTPException) throw error;
    throw MALFORMED_BODY();
  }
}

/** Form fields as strings (or string lists for repeated names); uploaded files are not expected anywhere here. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await parseFormBody(c);
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length !== (Array.isArray(value) ? value.length : 1)) {
      throw new ValidationError({ issues: [{ field: name, problem: 'invalid-format' }] });
    }
    fields[name] = Array.isArray(value) ? values : values[0];
  }
  return fields;
}

export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw MALFORMED_BODY();
  }
}

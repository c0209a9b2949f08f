import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ValidationError } from '../errors/validation-error.ts';
import type { RequestMeta } from '../services/principal.ts';

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return { ip: c.var.clientAddress, userAgent: c.req.header('user-agent') ?? null };
}

/** Form fields as strings (or string lists for repeated names); uploaded files are not expected anywhere here. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
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
    throw new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });
  }
}

import type { Context } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { parseFormBody } from '#server/platform/http/request-input.ts';
import { UnsafeFileNameError } from '../errors.ts';
import { ValidationError } from '#server/platform/errors.ts';
import type { ProofOfWorkAnswer } from '../submission-guard.ts';
import type { UploadedFile } from '../case-service.ts';

export interface ReadSubmission {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  idempotencyKey: string | null;
  pow: ProofOfWorkAnswer | null;
  /** The enhanced page posts JSON (or asks for JSON back); a plain form gets HTML. */
  wantsJson: boolean;
}

const CONTROL_FIELDS = new Set(['idempotency-key', 'pow-challenge', 'pow-nonce', 'files']);

/** A base name only: browsers never send a path, so one in a name is a crafted request. */
function checkFileName(name: string): void {
  if (/[\\/\0]/.test(name) || name === '.' || name === '..' || name.length > 255)
    throw new UnsafeFileNameError({ fileName: name.slice(0, 255) });
}

function mediaTypeOf(c: Context<AppEnv>): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The body of a citizen form as JSON, urlencoded or multipart; control fields split off. */
export async function readSubmission(c: Context<AppEnv>): Promise<ReadSubmission> {
  const type = mediaTypeOf(c);
  const acceptsJson = (c.req.header('accept') ?? '').includes('application/json');
  let raw: Record<string, unknown>;
  const files: UploadedFile[] = [];
  if (type === 'application/json') {
    try {
      raw = (await c.req.json()) as Record<string, unknown>;
    } catch {
      throw new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });
  } else if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    const body = await parseFormBody(c);
    raw = {};
    for (const [name, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      if (name === 'files') {
        for (const file of values) {
          if (typeof file === 'string') continue;
          // An empty file input sends one part with no name and no bytes.
          if (file.name === '' && file.size === 0) continue;
          checkFileName(file.name);
          files.push({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        }
        continue;
      }
      const strings = values.filter((v): v is string => typeof v === 'string');
      raw[name] = strings.length > 1 ? strings : strings[0];
    }
  } else {
    throw new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });
  }
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const challenge = text(raw['pow-challenge']);
  const nonce = text(raw['pow-nonce']);
  const fields = Object.fromEntries(Object.entries(raw).filter(([k]) => !CONTROL_FIELDS.has(k)));
  return {
    fields,
    files,
    idempotencyKey: text(raw['idempotency-key']) ?? c.req.header('idempotency-key') ?? null,
    pow: challenge && nonce ? { challenge, nonce } : null,
    wantsJson: type === 'application/json' || acceptsJson,
  };
}

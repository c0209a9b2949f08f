import { createHmac, type KeyObject } from 'node:crypto';

/** JSON with object keys sorted at every level: the same content always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * What a citizen submitted, as a keyed digest stored beside the case
 * (docs/adr/0053): the validated fields and each file's name and SHA-256.
 * Keyed with the server's secret so the column says nothing about the
 * content to someone who reads the database but not the key.
 */
export function submissionDigest(
  key: KeyObject,
  service: string,
  fields: Record<string, unknown>,
  files: ReadonlyArray<{ displayName: string; sha256: string }>,
): string {
  const content = JSON.stringify(canonical({ service, fields, files: files.map((f) => [f.displayName, f.sha256]) }));
  return `v1$${createHmac('sha256', key).update(content).digest('base64url')}`;
}

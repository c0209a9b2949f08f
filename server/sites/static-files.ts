/**
 * Pure helpers for serving a built site: path safety, content types, cache
 * policy, encoding negotiation. No request context here, so the build
 * (pre-compression) and the server share one definition.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8; header=present',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
};

import { extensionOf } from '#src/build/compressible.ts';

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extensionOf(filePath)] ?? 'application/octet-stream';
}

/**
 * The URL path as segments under the site folder, or null when it must be
 * refused. Decoded exactly once: decoding again would turn `%252e%252e` into
 * `..` after the check. `..`, `.`-only tricks, backslashes and NUL are refused
 * outright rather than normalised, so no path can climb out of the site.
 */
export function safeSegments(rawPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  return segments;
}

export type CachePolicy = 'immutable' | 'revalidate';

/** Pagefind's hashed bundle files: `pagefind.vi_<hash>.pf_meta`, `fragment/…`, `index/…`, also in the parts of a split index (`part-<n>/`, docs/adr/0046) and the recent index (`recent/`, docs/adr/0110). */
const PAGEFIND_HASHED =
  /^\/pagefind\/(part-\d+\/|recent\/)?(fragment\/|index\/|pagefind\.[a-z_-]+_[0-9a-f]+\.pf_meta$)/;

/**
 * Names that change whenever their content does may be kept for a year;
 * everything else (HTML above all) is revalidated so a publication shows at once (Điều 9).
 */
export function cachePolicyOf(urlPath: string): CachePolicy {
  if (urlPath.startsWith('/_astro/') || PAGEFIND_HASHED.test(urlPath)) return 'immutable';
  return 'revalidate';
}

export const CACHE_CONTROL: Record<CachePolicy, string> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
};

export type Encoding = 'br' | 'gzip';
const ENCODING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export function encodedFileName(filePath: string, encoding: Encoding): string {
  return filePath + ENCODING_SUFFIX[encoding];
}

/** Encodings the client accepts, best first (brotli is smaller); `q=0` refuses. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

/** Weak validator from size and time: cheap, and the build rewrites a file whenever it changes. */
export function etagOf(size: number, mtimeMs: number, encoding?: Encoding): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for GET. */
export function isNotModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  etag: string,
  mtimeMs: number,
): boolean {
  if (headers.ifNoneMatch) {
    const strip = (t: string) => t.trim().replace(/^W\//, '');
    return headers.ifNoneMatch === '*' || headers.ifNoneMatch.split(',').some((t) => strip(t) === strip(etag));
  }
  if (headers.ifModifiedSince) {
    const since = Date.parse(headers.ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}

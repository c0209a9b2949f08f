import { createReadStream, type Stats } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context, type Next } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { isCompressible } from '#src/build/compressible.ts';
import {
  CACHE_CONTROL,
  cachePolicyOf,
  contentTypeOf,
  etagOf,
  isNotModified,
  safeSegments,
  type Encoding,
} from '../static-files.ts';
import { encodedVariant, lookup, notFoundPage } from '../static-lookup.ts';
import { mediaResponseHeaders } from '#src/files/media-policy.ts';

export interface StaticSitesOptions {
  /** Folder of the built sites: `dist/`, one folder per site id. */
  distDir: string;
}

/**
 * The department sites, served from `dist/<id>/` for the host `resolveDepartment`
 * recognised. Other hosts (the portal) fall through to the next route.
 */
export function createStaticSitesRoutes(options: StaticSitesOptions) {
  const distDir = path.resolve(options.distDir);
  return new Hono<AppEnv>().get('*', serveDepartmentSite(distDir));
}

/** The path as sent, before any decoding: `safeSegments` decodes it exactly once. */
function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}

function serveDepartmentSite(distDir: string) {
  return async function serveDepartmentSite(c: Context<AppEnv>, next: Next) {
    const site = c.var.site;
    if (site?.kind !== 'department') return next();
    const siteRoot = path.join(distDir, site.department.id);
    const urlPath = rawPath(c.req.url);
    const segments = safeSegments(urlPath);
    if (!segments) return c.text('Địa chỉ không hợp lệ.', 400);
    if (segments[0]?.toLowerCase() === MEDIA_FOLDER) return serveMediaFile(c, siteRoot, segments, urlPath);

    const found = await lookup(siteRoot, segments);
    if (found.kind === 'redirect') {
      const query = new URL(c.req.url).search;
      return c.redirect(found.location + query, 301);
    }
    if (found.kind === 'file') return sendFile(c, found.file, found.stats, urlPath, 200);
    const page = await notFoundPage(siteRoot);
    if (page) return sendFile(c, page.file, page.stats, '/404/', 404);
    return c.text('Không tìm thấy trang này.', 404);
  };
}

const MEDIA_FOLDER = 'tep';

/**
 * The site's files are data, never pages (docs/adr/0021-files-are-data.md):
 * only a name of an allowed kind is looked up, served with that kind's type
 * (never one guessed from an HTML or script name, even for a file left from
 * before the policy), no redirect, and a plain 404 otherwise. Its
 * Content-Security-Policy (sandbox) is set by the CSP middleware from the
 * path, so only the plain spelling `/tep/` is served (not `/%74ep/`, `/TEP/`).
 */
async function serveMediaFile(c: Context<AppEnv>, siteRoot: string, segments: string[], urlPath: string) {
  const headers = urlPath.startsWith(`/${MEDIA_FOLDER}/`) ? mediaResponseHeaders(segments.at(-1) ?? '') : null;
  const found = headers ? await lookup(siteRoot, segments) : null;
  if (!headers || found?.kind !== 'file') return c.text('Không tìm thấy tệp này.', 404);
  return sendFile(c, found.file, found.stats, urlPath, 200, headers);
}

async function sendFile(
  c: Context<AppEnv>,
  file: string,
  stats: Stats,
  urlPath: string,
  status: 200 | 404,
  media?: Record<string, string>,
) {
  const variant = await encodedVariant(file, c.req.header('accept-encoding'));
  const body = variant ?? { file, stats, encoding: undefined as Encoding | undefined };
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(file),
    'Cache-Control': CACHE_CONTROL[status === 404 ? 'revalidate' : cachePolicyOf(urlPath)],
    'Last-Modified': stats.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    ...media,
  };
  if (isCompressible(file)) headers.Vary = 'Accept-Encoding';
  if (body.encoding) headers['Content-Encoding'] = body.encoding;
  if (status === 200) {
    const etag = etagOf(body.stats.size, body.stats.mtimeMs, body.encoding);
    headers.ETag = etag;
    const notModified = isNotModified(
      { ifNoneMatch: c.req.header('if-none-match'), ifModifiedSince: c.req.header('if-modified-since') },
      etag,
      stats.mtimeMs,
    );
    if (notModified) {
      delete headers['Content-Encoding'];
      return c.body(null, 304, headers);
    }
  }
  headers['Content-Length'] = String(body.stats.size);
  if (c.req.method === 'HEAD') return c.body(null, status, headers);
  const stream = Readable.toWeb(createReadStream(body.file)) as ReadableStream<Uint8Array>;
  return c.body(stream, status, headers);
}

import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { isCompressible } from '#src/build/compressible.ts';
import { acceptedEncodings, encodedFileName, type Encoding } from './static-files.ts';

/**
 * What to answer for a path of a built site, decided from the file system
 * alone (no request context): a file, a redirect to the folder's slash, or
 * nothing. The caller turns it into a response.
 */
export type Lookup =
  | { kind: 'file'; file: string; stats: Stats }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

async function fileStats(file: string): Promise<Stats | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** `segments` come from `safeSegments`: no `..`, no NUL. */
export async function lookup(siteRoot: string, segments: string[]): Promise<Lookup> {
  const target = path.join(siteRoot, ...segments);
  const last = segments.at(-1) ?? '';
  if (last === '') {
    const index = path.join(target, 'index.html');
    const s = await fileStats(index);
    return s ? { kind: 'file', file: index, stats: s } : { kind: 'missing' };
  }
  const s = await fileStats(target);
  if (s) return { kind: 'file', file: target, stats: s };
  // Pages are folders (`/van-ban/x/index.html`); a link typed without the slash still works.
  // Empty segments are dropped: `//van-ban` must not become `//van-ban/`, which a browser reads as another host.
  if (await fileStats(path.join(target, 'index.html'))) {
    return {
      kind: 'redirect',
      location: `/${segments
        .filter((s) => s !== '')
        .map(encodeURIComponent)
        .join('/')}/`,
    };
  }
  return { kind: 'missing' };
}

/** The 404 page of the site: Astro writes `404/index.html` (directory format) or `404.html`. */
export async function notFoundPage(siteRoot: string): Promise<{ file: string; stats: Stats } | undefined> {
  for (const candidate of ['404/index.html', '404.html']) {
    const file = path.join(siteRoot, candidate);
    const s = await fileStats(file);
    if (s) return { file, stats: s };
  }
  return undefined;
}

/** A pre-compressed copy the client accepts, if the build wrote one. */
export async function encodedVariant(
  file: string,
  acceptEncoding: string | undefined,
): Promise<{ file: string; stats: Stats; encoding: Encoding } | undefined> {
  if (!isCompressible(file)) return undefined;
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const candidate = encodedFileName(file, encoding);
    const s = await fileStats(candidate);
    if (s) return { file: candidate, stats: s, encoding };
  }
  return undefined;
}

import { SECTION_IDS, type SectionId } from '#src/schema/sections.ts';
import { PathNotAllowedError } from '../errors.ts';

/**
 * The only paths the proxy reads or writes. Every path Decap sends is
 * matched against these whole-string patterns before anything touches git:
 * segments must start with a lowercase letter or digit, so `..`, empty
 * segments, absolute paths, backslashes and encoded tricks never match.
 */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const MEDIA_SEGMENT = '[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9_-]+)*';
export const MEDIA_FOLDER = 'tep';

export interface EntryPath {
  section: SectionId;
  slug: string;
  path: string;
}

export function parseEntryPath(site: string, path: string): EntryPath {
  const match = new RegExp(`^content/${site}/([a-z-]+)/(${SLUG})\\.mdx$`).exec(path);
  if (!match) {
    throw new PathNotAllowedError({
      path,
      reason: path.startsWith(`content/${site}/`) ? 'not-an-entry' : 'outside-site',
    });
  }
  if (!(SECTION_IDS as readonly string[]).includes(match[1]))
    throw new PathNotAllowedError({ path, reason: 'section' });
  return { section: match[1] as SectionId, slug: match[2], path };
}

export function isEntryPath(site: string, path: string): boolean {
  try {
    parseEntryPath(site, path);
    return true;
  } catch {
    return false;
  }
}

export function mediaRoot(site: string): string {
  return `content/${site}/${MEDIA_FOLDER}`;
}

/** A file in the site's media folder, at most four folders deep. */
export function checkMediaPath(site: string, path: string): string {
  const ok = new RegExp(`^content/${site}/${MEDIA_FOLDER}/(?:${MEDIA_SEGMENT}/){0,4}${MEDIA_SEGMENT}$`).test(path);
  if (!ok)
    throw new PathNotAllowedError({ path, reason: path.startsWith(`content/${site}/`) ? 'not-media' : 'outside-site' });
  return path;
}

export function checkMediaFolder(site: string, folder: string): string {
  const trimmed = folder.replace(/\/+$/, '');
  if (trimmed === mediaRoot(site)) return trimmed;
  return checkMediaPath(site, trimmed);
}

export function checkSectionFolder(site: string, folder: string): SectionId {
  const match = new RegExp(`^content/${site}/([a-z-]+)/?$`).exec(folder);
  if (!match) throw new PathNotAllowedError({ path: folder, reason: 'outside-site' });
  if (!(SECTION_IDS as readonly string[]).includes(match[1]))
    throw new PathNotAllowedError({ path: folder, reason: 'section' });
  return match[1] as SectionId;
}

export function checkCollection(collection: string): SectionId {
  if (!(SECTION_IDS as readonly string[]).includes(collection))
    throw new PathNotAllowedError({ path: collection, reason: 'collection' });
  return collection as SectionId;
}

import { SECTION_IDS, type SectionId } from '../schema/sections.ts';
import { slugify } from '../text/fold.ts';
import {
  MediaContentMismatchError,
  MediaHiddenContentError,
  MediaNameNotSafeError,
  MediaTypeNotAllowedError,
} from './media-policy-errors.ts';
import { hiddenContent, MEDIA_KINDS, sniffMediaKind, type MediaKind } from './media-sniffing.ts';

/**
 * Files are data, never pages (docs/adr/0021-files-are-data.md). One pure
 * policy for every file a department site publishes, applied where a file
 * enters the content repository (the Decap proxy), where it is copied into
 * a built site (the build) and where it is served (the static route):
 * - an allow-list of kinds, each recognised by its bytes; the extension
 *   must name the kind the bytes are, and a file that is also something
 *   else (markup, an archive, macros, script) is refused;
 * - new files get a safe name, `[a-z0-9-]+.<ext>`, in the folder of the
 *   entry that uses them: `content/<site>/tep/<section>/<slug>/<name>`.
 */

export type { MediaKind } from './media-sniffing.ts';

const BY_EXTENSION: ReadonlyMap<string, MediaKind> = new Map(
  (Object.entries(MEDIA_KINDS) as Array<[MediaKind, (typeof MEDIA_KINDS)[MediaKind]]>).flatMap(([kind, info]) =>
    info.extensions.map((e) => [e, kind] as const),
  ),
);
const SAFE_NAME = new RegExp(`^[a-z0-9][a-z0-9-]*\\.(?:${[...BY_EXTENSION.keys()].join('|')})$`);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The allowed kind a file name claims, by its extension; null for anything else. */
export function mediaKindOfName(name: string): MediaKind | null {
  return BY_EXTENSION.get(extensionOf(nameOf(name))) ?? null;
}

export function isSafeMediaName(name: string): boolean {
  return SAFE_NAME.test(name);
}

/** The name a file gets from the one it was uploaded with: "Quyết định số 14.PDF" → "quyet-dinh-so-14.pdf". */
export function safeMediaName(uploaded: string): string {
  const name = nameOf(uploaded.normalize('NFC'));
  const extension = extensionOf(name);
  const stem = slugify(extension ? name.slice(0, name.lastIndexOf('.')) : name) || 'tep';
  const kind = BY_EXTENSION.get(extension);
  return `${stem}.${kind ? extension : 'pdf'}`;
}

export interface MediaCheckOptions {
  /**
   * Whether the name must be a generated one. Off only for a file kept at
   * the name it already has on main (a legacy path) and for the build.
   */
  safeName?: boolean;
}

/** Refuses a file that is not an allowed kind by its bytes, is also something else, or has an unsafe name. */
export function checkMediaFile(path: string, bytes: Uint8Array, options: MediaCheckOptions = {}): MediaKind {
  const name = nameOf(path);
  const extension = extensionOf(name);
  const kind = BY_EXTENSION.get(extension);
  if (!kind) throw new MediaTypeNotAllowedError({ path, extension });
  const detected = sniffMediaKind(bytes);
  if (detected !== kind) throw new MediaContentMismatchError({ path, extension, detected });
  const hidden = hiddenContent(bytes, kind);
  if (hidden) throw new MediaHiddenContentError({ path, kind, reason: hidden });
  if ((options.safeName ?? true) && !isSafeMediaName(name))
    throw new MediaNameNotSafeError({ path, suggestion: safeMediaName(name) });
  return kind;
}

/** The stable code of the rule a file breaks, or null when it may be published: for the build, which skips rather than stops. */
export function mediaFileProblem(path: string, bytes: Uint8Array): string | null {
  try {
    checkMediaFile(path, bytes, { safeName: false });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'E_MEDIA_INVALID';
  }
}

/** `content/<site>/tep/<section>/<slug>`: where an entry's new files go. */
export function entryMediaFolder(site: string, section: SectionId, slug: string): string {
  return `content/${site}/tep/${section}/${slug}`;
}

/** The entry whose folder holds this file, or null for a file elsewhere (a legacy `tep/<year>/` path). */
export function entryOfMediaPath(site: string, path: string): { section: SectionId; slug: string } | null {
  const prefix = `content/${site}/tep/`;
  if (!path.startsWith(prefix)) return null;
  const [section, slug, ...rest] = path.slice(prefix.length).split('/');
  if (rest.length === 0 || !(SECTION_IDS as readonly string[]).includes(section!) || !SLUG.test(slug!)) return null;
  return { section: section as SectionId, slug: slug! };
}

/** `content/<site>/tep/a/b.pdf` → `/tep/a/b.pdf`, the address entries link to. */
export function mediaUrlOf(site: string, path: string): string {
  return path.slice(`content/${site}`.length);
}

/** `attachment; filename="…"` with the name reduced to characters no header parser can misread. */
function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

/**
 * Headers of a file served from a site's `/tep/`, or null when the name is
 * not an allowed kind (the route answers 404). Images and PDF are shown in
 * the browser, everything else is downloaded.
 */
export function mediaResponseHeaders(fileName: string): Record<string, string> | null {
  const kind = mediaKindOfName(fileName);
  if (!kind) return null;
  const info = MEDIA_KINDS[kind];
  return {
    'Content-Type': info.mediaType,
    ...(info.inline ? {} : { 'Content-Disposition': attachment(nameOf(fileName)) }),
  };
}

import {
  ascii,
  isJpeg,
  isPdf,
  isPng,
  latin1,
  odfMimetype,
  startsWith,
  u32,
  ZIP_LOCAL,
  zipEntryNames,
} from './bytes.ts';

/**
 * What the bytes of a file the editorial board publishes really are, with
 * the same structural checks as citizen uploads (file-sniffing.ts) plus the
 * kinds a department publishes that citizens do not send (GIF, WebP,
 * spreadsheets, slides). Pure; the policy built on it is media-policy.ts
 * (docs/adr/0021-files-are-data.md).
 */

export type MediaKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods';

export interface MediaKindInfo {
  mediaType: string;
  /** The first is the one a generated name gets. */
  extensions: readonly string[];
  label: string;
  /** Shown in the browser (images, PDF); everything else is downloaded. */
  inline: boolean;
}

/** The allow-list: every kind a department site publishes, and nothing else. */
export const MEDIA_KINDS: Record<MediaKind, MediaKindInfo> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF', inline: true },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'ảnh PNG', inline: true },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG', inline: true },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'ảnh GIF', inline: true },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'ảnh WebP', inline: true },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
    inline: false,
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
    inline: false,
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (PPTX)',
    inline: false,
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    label: 'OpenDocument văn bản (ODT)',
    inline: false,
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'OpenDocument bảng tính (ODS)',
    inline: false,
  },
};

const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const VP8 = ascii('VP8');
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

const ODF_KINDS: Record<string, MediaKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/** The part folder of each OOXML document kind (ECMA-376 Part 2). */
const OOXML_KINDS: ReadonlyArray<[string, MediaKind]> = [
  ['word/', 'docx'],
  ['xl/', 'xlsx'],
  ['ppt/', 'pptx'],
];

function isGif(bytes: Uint8Array): boolean {
  return (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) && bytes.length > 13;
}

/** RIFF container of form WEBP whose first chunk is a VP8 bitstream (lossy, lossless or extended). */
function isWebp(bytes: Uint8Array): boolean {
  return startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && startsWith(bytes, VP8, 12) && bytes.length >= 20;
}

function zipKind(bytes: Uint8Array): MediaKind | null {
  const odf = odfMimetype(bytes);
  if (odf !== null) return ODF_KINDS[odf] ?? null;
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return null;
  const kinds = OOXML_KINDS.filter(([folder]) => names.some((n) => n.startsWith(folder)));
  return kinds.length === 1 ? kinds[0]![1] : null;
}

/** What the bytes are, or null when they are none of the published kinds. */
export function sniffMediaKind(bytes: Uint8Array): MediaKind | null {
  if (isPdf(bytes)) return 'pdf';
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  if (isGif(bytes)) return 'gif';
  if (isWebp(bytes)) return 'webp';
  return startsWith(bytes, ZIP_LOCAL) ? zipKind(bytes) : null;
}

export type HiddenContent = 'markup' | 'archive' | 'trailing-data' | 'macros' | 'pdf-script';

/**
 * Markup a browser or an HTML parser would act on: a file that is also a
 * page (a polyglot) is refused even though its declared type would be
 * served with nosniff, because a copy saved or opened elsewhere is not.
 */
const MARKUP = /<(?:script|html|head|body|iframe|svg|object|embed|!doctype)[\s>/]/i;

/** PDF name tokens (ISO 32000-1 §7.3.5), `#xx` escapes decoded: a script or a program launched by the reader. */
const PDF_NAME = /\/((?:[^\s()<>[\]{}/%#]|#[0-9a-fA-F]{2})+)/g;
const PDF_ACTIVE = new Set(['JavaScript', 'JS', 'Launch']);

function pdfRunsSomething(text: string): boolean {
  for (const match of text.matchAll(PDF_NAME)) {
    const name = match[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (PDF_ACTIVE.has(name)) return true;
  }
  return false;
}

/** PNG ends with its IEND chunk (ISO 15948 §5.6); anything after it is another file. */
function pngEnd(bytes: Uint8Array): number {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const type = latin1(bytes, at + 4, 4);
    at += 12 + length;
    if (type === 'IEND') return at;
  }
  return -1;
}

function hasTrailingData(bytes: Uint8Array, kind: MediaKind): boolean {
  if (kind === 'png') return pngEnd(bytes) !== bytes.length;
  if (kind === 'gif') return bytes[bytes.length - 1] !== 0x3b;
  // RIFF size counts the bytes after the 8-byte header; one pad byte is allowed.
  if (kind === 'webp') return u32(bytes, 4) + 8 < bytes.length - 1;
  return false;
}

/** A zip directory inside a file that is not a zip: an archive riding along. */
function hidesArchive(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= from; at -= 1) {
    if (startsWith(bytes, ZIP_END, at)) return true;
  }
  return false;
}

function hasMacros(bytes: Uint8Array, kind: MediaKind): boolean {
  const names = zipEntryNames(bytes) ?? [];
  // OOXML keeps VBA in vbaProject.bin whatever the extension claims; ODF keeps Basic and scripts in their own folders.
  if (kind === 'odt' || kind === 'ods') return names.some((n) => /^(?:Basic|Scripts)\//.test(n));
  return names.some((n) => /(?:^|\/)vbaProject\.bin$/i.test(n));
}

const ZIP_KINDS: ReadonlySet<MediaKind> = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods']);

/**
 * Why a file of a recognised kind still may not be published, or null:
 * markup anywhere in it, another file riding after its end, an archive
 * inside a non-archive, macros in an office document, script in a PDF.
 */
export function hiddenContent(bytes: Uint8Array, kind: MediaKind): HiddenContent | null {
  const text = latin1(bytes, 0, bytes.length);
  if (MARKUP.test(text)) return 'markup';
  if (ZIP_KINDS.has(kind)) return hasMacros(bytes, kind) ? 'macros' : null;
  if (hasTrailingData(bytes, kind)) return 'trailing-data';
  if (hidesArchive(bytes)) return 'archive';
  if (kind === 'pdf' && pdfRunsSomething(text)) return 'pdf-script';
  return null;
}

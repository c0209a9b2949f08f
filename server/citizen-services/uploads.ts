import { randomBytes } from 'node:crypto';
import { AttachmentsTooLargeError, FileTooLargeError, FileTypeMismatchError, UnsupportedFileError } from './errors.ts';
import { foldVietnamese } from '#src/text/fold.ts';
import { isJpeg, isPdf, isPng, odfMimetype, startsWith, ZIP_LOCAL, zipEntryNames } from '#src/files/bytes.ts';

/**
 * Files attached to a complaint or a dossier (Điều 13.1, 13.4). A file is
 * what its bytes say, never what its name or the browser's Content-Type say:
 * an HTML page named "don.pdf" would otherwise be served back to an officer
 * as a document. Only five kinds are taken, each recognised by its
 * structure; anything else, and any disagreement between bytes and name, is
 * refused with a reason the citizen can act on.
 */

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt';

export const FILE_KINDS: Record<FileKind, { mediaType: string; extensions: readonly string[]; label: string }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument (ODT)' },
};

export interface UploadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
}

/** A scanned page is 0.3–2 MB; ten of them fit, a video does not. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 30 * 1024 * 1024,
  maxFiles: 10,
};

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

function isOdt(bytes: Uint8Array): boolean {
  return odfMimetype(bytes) === ODT_MIMETYPE;
}

type ZipKind = 'docx' | 'docm' | null;

function officeKind(names: string[]): ZipKind {
  const set = new Set(names);
  if (!set.has('[Content_Types].xml') || !names.some((n) => n.startsWith('word/'))) return null;
  // A macro project makes it a .docm whatever the content types claim; officers would open it in Word.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return 'docm';
  return 'docx';
}

/** What the bytes are, or null. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (isPdf(bytes)) return 'pdf';
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  if (!startsWith(bytes, ZIP_LOCAL)) return null;
  if (isOdt(bytes)) return 'odt';
  const names = zipEntryNames(bytes);
  return names && officeKind(names) === 'docx' ? 'docx' : null;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export interface CheckedFile {
  kind: FileKind;
  mediaType: string;
  size: number;
  /** The name as the citizen gave it, made safe for display and download. */
  displayName: string;
}

/** One file: refused when empty, too big, of another kind or named as another kind. */
export function checkFile(
  fileName: string,
  bytes: Uint8Array,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): CheckedFile {
  if (bytes.length === 0) throw new UnsupportedFileError({ fileName, reason: 'empty' });
  if (bytes.length > limits.maxFileBytes) throw new FileTooLargeError({ fileName, maxBytes: limits.maxFileBytes });
  const kind = sniffFileKind(bytes);
  if (!kind) {
    const names = startsWith(bytes, ZIP_LOCAL) ? zipEntryNames(bytes) : null;
    const reason = names && officeKind(names) === 'docm' ? 'macro-enabled' : 'unknown-content';
    throw new UnsupportedFileError({ fileName, reason });
  }
  const extension = extensionOf(fileName);
  if (!FILE_KINDS[kind].extensions.includes(extension))
    throw new FileTypeMismatchError({ fileName, detected: kind, extension });
  return { kind, mediaType: FILE_KINDS[kind].mediaType, size: bytes.length, displayName: safeFileName(fileName, kind) };
}

/** Every file, then the submission as a whole; the first problem is thrown. */
export function checkFiles(
  files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): CheckedFile[] {
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (files.length > limits.maxFiles || totalBytes > limits.maxTotalBytes) {
    throw new AttachmentsTooLargeError({
      maxTotalBytes: limits.maxTotalBytes,
      maxFiles: limits.maxFiles,
      files: files.length,
      totalBytes,
    });
  }
  return files.map((f) => checkFile(f.fileName, f.bytes, limits));
}

/** 130 random bits; the extension is the detected kind's, never the citizen's. */
export function storageName(kind: FileKind): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const id = [...randomBytes(26)].map((b) => alphabet[b & 31]).join('');
  return `${id}.${FILE_KINDS[kind].extensions[0]}`;
}

const STORAGE_NAME = /^[0-9a-hjkmnp-tv-z]{26}\.(pdf|jpg|png|docx|odt)$/;

/** Whether a name read back from the database can only point inside the upload folder. */
export function isStorageName(name: string): boolean {
  return STORAGE_NAME.test(name);
}

/** Controls, bidi overrides, path and quoting characters: nothing that could steer a path, a header or a reader. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"\\/:*?<>|]/gu;

/**
 * The citizen's name for the file, for display and download: NFC, no
 * folders, no control or bidi characters, at most 120 characters, and
 * always ending with the extension of what the file really is.
 */
export function safeFileName(fileName: string, kind: FileKind): string {
  const base = (fileName.normalize('NFC').split(/[\\/]/).pop() ?? '')
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = base.lastIndexOf('.');
  const stem = (dot >= 0 ? base.slice(0, dot) : base).replace(/^[.\s]+/, '').trim() || 'tep-dinh-kem';
  return `${[...stem].slice(0, 120).join('')}.${FILE_KINDS[kind].extensions[0]}`;
}

/** RFC 5987 attr-char: everything else is percent-encoded, including ' ( ) * which encodeURIComponent leaves. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="Don khieu nai.pdf"; filename*=UTF-8''%C4%90%C6%A1n…`:
 * every browser in use reads `filename*` (RFC 6266) and shows the
 * Vietnamese name; the ASCII fallback, folded, serves the rest.
 */
export function contentDisposition(
  fileName: string,
  kind: FileKind,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const safe = safeFileName(fileName, kind);
  const fallback = foldVietnamese(safe)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

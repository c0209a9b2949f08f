import { randomBytes } from 'node:crypto';
import { AttachmentsTooLargeError } from '../errors/attachments-too-large-error.ts';
import { FileTooLargeError } from '../errors/file-too-large-error.ts';
import { FileTypeMismatchError } from '../errors/file-type-mismatch-error.ts';
import { UnsupportedFileError } from '../errors/unsupported-file-error.ts';

/** Kept importable from here for existing callers; the classes live in server/errors/. */
export { AttachmentsTooLargeError, FileTooLargeError, FileTypeMismatchError, UnsupportedFileError };
import { foldVietnamese } from '../../src/text/fold.ts';

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





export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
export const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF_HEADER = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii('IHDR');
const JPEG_SOI = [0xff, 0xd8, 0xff];
export const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

function includes(bytes: Uint8Array, needle: readonly number[], from: number): boolean {
  outer: for (let i = Math.max(0, from); i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A PDF starts with its header and ends (give or take a trailing newline or a few bytes of junk) with %%EOF. */
export function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, PDF_HEADER) && includes(bytes, PDF_EOF, bytes.length - 1024);
}

export function isPng(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, PNG_IHDR, 12);
}

/** SOI, then a marker segment (APPn, DQT, SOF, DHT, COM…). */
export function isJpeg(bytes: Uint8Array): boolean {
  return startsWith(bytes, JPEG_SOI) && bytes.length > 4 && bytes[3]! >= 0xc0 && bytes[3]! !== 0xff;
}

export const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
export const latin1 = (b: Uint8Array, start: number, length: number) => Buffer.from(b.buffer, b.byteOffset + start, length).toString('latin1');

/**
 * Names in the zip's central directory, or null when the archive is
 * malformed or uses ZIP64 (no real Word document under our size limit
 * needs it). Nothing is decompressed: a zip bomb costs nothing here.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const end = bytes.length;
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65535.
  for (let at = end - 22; at >= Math.max(0, end - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    const size = u32(bytes, at + 12);
    const offset = u32(bytes, at + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > at) return null;
    const names: string[] = [];
    let p = offset;
    for (let i = 0; i < count; i += 1) {
      if (p + 46 > at || u32(bytes, p) !== 0x02014b50) return null;
      const nameLength = u16(bytes, p + 28);
      const extraLength = u16(bytes, p + 30);
      const commentLength = u16(bytes, p + 32);
      if (p + 46 + nameLength > at) return null;
      names.push(latin1(bytes, p + 46, nameLength));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/**
 * ODF 1.2 §3.3: the first entry is `mimetype`, stored uncompressed, without
 * an extra field, so its content sits at a fixed offset. Its value, or null.
 */
export function odfMimetype(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 38) return null;
  const method = u16(bytes, 8);
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  const size = u32(bytes, 18);
  if (method !== 0 || nameLength !== 8 || latin1(bytes, 30, 8) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  return size <= 100 && start + size <= bytes.length ? latin1(bytes, start, size) : null;
}

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
export function checkFile(fileName: string, bytes: Uint8Array, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): CheckedFile {
  if (bytes.length === 0) throw new UnsupportedFileError({ fileName, reason: 'empty' });
  if (bytes.length > limits.maxFileBytes) throw new FileTooLargeError({ fileName, maxBytes: limits.maxFileBytes });
  const kind = sniffFileKind(bytes);
  if (!kind) {
    const names = startsWith(bytes, ZIP_LOCAL) ? zipEntryNames(bytes) : null;
    const reason = names && officeKind(names) === 'docm' ? 'macro-enabled' : 'unknown-content';
    throw new UnsupportedFileError({ fileName, reason });
  }
  const extension = extensionOf(fileName);
  if (!FILE_KINDS[kind].extensions.includes(extension)) throw new FileTypeMismatchError({ fileName, detected: kind, extension });
  return { kind, mediaType: FILE_KINDS[kind].mediaType, size: bytes.length, displayName: safeFileName(fileName, kind) };
}

/** Every file, then the submission as a whole; the first problem is thrown. */
export function checkFiles(
  files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): CheckedFile[] {
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (files.length > limits.maxFiles || totalBytes > limits.maxTotalBytes) {
    throw new AttachmentsTooLargeError({ maxTotalBytes: limits.maxTotalBytes, maxFiles: limits.maxFiles, files: files.length, totalBytes });
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
  const base = (fileName.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(UNSAFE_IN_NAME, '_').replace(/\s+/g, ' ').trim();
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
export function contentDisposition(fileName: string, kind: FileKind, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const safe = safeFileName(fileName, kind);
  const fallback = foldVietnamese(safe).replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

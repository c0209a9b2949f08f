/**
 * Reading a file's structure from its bytes, never from its name or the
 * browser's Content-Type: signatures, the end of a PDF, a zip's central
 * directory, an OpenDocument's mimetype. Nothing is decompressed. Shared by
 * citizens' uploads and the files a site publishes (docs/adr/0021).
 */

export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
export const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF_HEADER = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii('IHDR');
const JPEG_SOI = [0xff, 0xd8, 0xff];
export const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

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
export const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
export const latin1 = (b: Uint8Array, start: number, length: number) =>
  Buffer.from(b.buffer, b.byteOffset + start, length).toString('latin1');

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

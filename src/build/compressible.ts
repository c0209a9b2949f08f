/**
 * Which built files get precompressed copies (`.br`, `.gz`) beside them: the
 * build writes them, the server sends them. Pagefind's index and fragments
 * are already gzip inside.
 */
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.txt',
  '.xml',
  '.atom',
  '.csv',
  '.svg',
  '.webmanifest',
]);

/** Below this a compressed copy saves less than the headers cost. */
export const MIN_COMPRESS_BYTES = 512;

export function extensionOf(filePath: string): string {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function isCompressible(filePath: string): boolean {
  return COMPRESSIBLE.has(extensionOf(filePath));
}

import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isCompressible, MIN_COMPRESS_BYTES } from './compressible.ts';

/**
 * Writes `x.br` and `x.gz` beside every text file once, at build time, so the
 * server never compresses per request. HTML changes with every publication
 * and is small: brotli quality 6 costs a fortieth of quality 11 for about
 * 10 % more bytes; so are the feeds and data files that change with it. Hashed assets are compressed once and cached for a year,
 * so they get the best quality, once per content: Pagefind's runtime is the
 * same file in every site.
 *
 * Reading, compressing and writing are synchronous: this runs only in build
 * workers and warm renderers, child processes with nothing else to do
 * meanwhile. The promise APIs cost twice the CPU for the same files (a
 * thread-pool round trip per open, read, write and 16 KB of zlib output),
 * and a cold build already keeps both cores busy with two workers
 * (docs/adr/0117-cold-build-cpu.md). The loop gives the event loop back every
 * few milliseconds so a renderer still answers its parent.
 */
const sameContent = new Map<string, [Buffer, Buffer]>();

function compress(data: Buffer, quality: number): [Buffer, Buffer] {
  return [
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    zlib.gzipSync(data, { level: 9 }),
  ];
}

function compressShared(data: Buffer): [Buffer, Buffer] {
  const key = createHash('sha256').update(data).digest('hex');
  let found = sameContent.get(key);
  if (!found) sameContent.set(key, (found = compress(data, 11)));
  return found;
}

/**
 * Astro's hashed assets and Pagefind's bundle: the same bytes for a year, or in
 * every site. Everything else a site holds (pages, feeds, the sitemap, the open
 * data files, which list every entry and change with each publication) is
 * compressed like a page: brotli quality 11 on a megabyte of open data cost a
 * publication about a second.
 */
function isLongLived(root: string, file: string): boolean {
  const parts = [path.basename(root), ...path.relative(root, file).split(path.sep)];
  return parts.includes('_astro') || parts.includes('pagefind');
}

export interface PrecompressOptions {
  /** The same file in the live output, if any: when its bytes are identical its `.br`/`.gz` are copied instead of recomputed. */
  liveCounterpart?: (file: string) => string | null;
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function reuseLive(file: string, data: Buffer, live: string | null): boolean {
  if (!live) return false;
  if (!readOrNull(live)?.equals(data)) return false;
  let copied = false;
  for (const ext of ['.br', '.gz']) {
    try {
      // A hard link costs no copy; files in a build are never modified in place, only replaced.
      try {
        linkSync(live + ext, file + ext);
      } catch {
        copyFileSync(live + ext, file + ext);
      }
      copied = true;
    } catch {
      // The live build kept no copy for this encoding (it was not smaller).
    }
  }
  return copied;
}

/** How long the loop may hold the event loop before giving it back. */
const SLICE_MS = 20;
const giveBack = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function precompressTree(
  root: string,
  options: PrecompressOptions = {},
): Promise<{ files: number; reused: number }> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && isCompressible(d.name))
    .map((d) => path.join(d.parentPath, d.name));
  let compressed = 0;
  let reused = 0;
  let sliceStart = performance.now();
  for (const file of files) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await giveBack();
      sliceStart = performance.now();
    }
    const data = readFileSync(file);
    if (data.length < MIN_COMPRESS_BYTES) continue;
    if (reuseLive(file, data, options.liveCounterpart?.(file) ?? null)) {
      reused++;
      continue;
    }
    const [br, gz] = isLongLived(root, file) ? compressShared(data) : compress(data, 6);
    if (br.length < data.length) writeFileSync(`${file}.br`, br);
    if (gz.length < data.length) writeFileSync(`${file}.gz`, gz);
    compressed++;
  }
  return { files: reused + compressed, reused };
}

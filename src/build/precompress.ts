import { createHash } from 'node:crypto';
import { copyFile, link, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isCompressible, MIN_COMPRESS_BYTES } from './compressible.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `x.br` and `x.gz` beside every text file once, at build time, so the
 * server never compresses per request. HTML changes with every publication
 * and is small: brotli quality 6 costs a fortieth of quality 11 for about
 * 10 % more bytes; so are the feeds and data files that change with it. Hashed assets are compressed once and cached for a year,
 * so they get the best quality, once per content: Pagefind's runtime is the
 * same file in every site.
 */
const sameContent = new Map<string, Promise<[Buffer, Buffer]>>();

function compress(data: Buffer, quality: number): Promise<[Buffer, Buffer]> {
  return Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: 9 }),
  ]);
}

function compressShared(data: Buffer): Promise<[Buffer, Buffer]> {
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
  concurrency?: number;
  /** The same file in the live output, if any: when its bytes are identical its `.br`/`.gz` are copied instead of recomputed. */
  liveCounterpart?: (file: string) => string | null;
}

async function reuseLive(file: string, data: Buffer, live: string | null): Promise<boolean> {
  if (!live) return false;
  const previous = await readFile(live).catch(() => null);
  if (!previous?.equals(data)) return false;
  let copied = false;
  for (const ext of ['.br', '.gz']) {
    try {
      // A hard link costs no copy; files in a build are never modified in place, only replaced.
      await link(live + ext, file + ext).catch(() => copyFile(live + ext, file + ext));
      copied = true;
    } catch {
      // The live build kept no copy for this encoding (it was not smaller).
    }
  }
  return copied;
}

/** Runs `task` over `items` with at most `inFlight` at a time. */
async function eachLimited<T>(items: readonly T[], inFlight: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
}

export async function precompressTree(
  root: string,
  options: PrecompressOptions = {},
): Promise<{ files: number; reused: number }> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && isCompressible(d.name))
    .map((d) => path.join(d.parentPath, d.name));
  // Reuse is small reads and links: many in flight hide their latency. Compression is CPU:
  // as many in flight as cores, or it only fights the other build worker for them.
  const toCompress: Array<{ file: string; data: Buffer }> = [];
  let reused = 0;
  await eachLimited(files, 16, async (file) => {
    const data = await readFile(file);
    if (data.length < MIN_COMPRESS_BYTES) return;
    if (await reuseLive(file, data, options.liveCounterpart?.(file) ?? null)) reused++;
    else toCompress.push({ file, data });
  });
  await eachLimited(toCompress, options.concurrency ?? 2, async ({ file, data }) => {
    const [br, gz] = await (isLongLived(root, file) ? compressShared(data) : compress(data, 6));
    if (br.length < data.length) await writeFile(`${file}.br`, br);
    if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
  });
  return { files: reused + toCompress.length, reused };
}

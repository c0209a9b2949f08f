import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads many small files with a few reads in flight: one at a time leaves
 * the CPU idle waiting on each open, all at once can exhaust file handles.
 * A file that cannot be read comes back as null.
 */
export async function readTextFiles(
  root: string,
  files: readonly string[],
  inFlight = 32,
): Promise<Array<string | null>> {
  const out: Array<string | null> = new Array(files.length).fill(null);
  let next = 0;
  async function reader() {
    while (next < files.length) {
      const i = next++;
      out[i] = await readFile(path.join(root, files[i]!), 'utf8').catch(() => null);
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, reader));
  return out;
}

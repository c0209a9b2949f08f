import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Within one check of a site (`withOneReading`), a file is read once: the
 * loader and the encoding check both want every entry's text, and reading
 * 10,000 files twice was a third of the check (docs/adr/0046). The files do
 * not change during a check: it reads a checkout or the gate's overlay.
 */
const reading = new AsyncLocalStorage<Map<string, Promise<string | null>>>();

export function withOneReading<T>(task: () => Promise<T>): Promise<T> {
  return reading.run(new Map(), task);
}

function readText(file: string): Promise<string | null> {
  const texts = reading.getStore();
  const known = texts?.get(file);
  if (known) return known;
  const text = readFile(file, 'utf8').catch(() => null);
  texts?.set(file, text);
  return text;
}

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
      out[i] = await readText(path.join(root, files[i]!));
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, reader));
  return out;
}

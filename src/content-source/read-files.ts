import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
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

/**
 * Texts of files by identity (device, inode, size, change and modification
 * times), across checks: the gate and the renderer check the whole site at
 * each publication, and a publication changes a handful of its files, so a
 * file is read again only when the file system says it changed, as git's
 * index does (docs/adr/0113). Writing a file always moves its change time,
 * which no one can set back; a file changed in the last two seconds is read
 * every time, since two writes within the clock's granularity could share one.
 */
const kept = new Map<string, string>();
let keptChars = 0;
const KEPT_CHARS = 64 * 1024 * 1024;
const SETTLED_MS = 2000;

/** Identity of a file, or null when it is not a readable regular file. */
function identityOf(file: string): { id: string; ctimeMs: number } | null {
  // One system call, answered from the inode cache: cheaper synchronously than through the thread pool,
  // and `readTextFiles` yields between batches, so the server's requests wait a millisecond at most.
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!s?.isFile()) return null;
  return { id: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, ctimeMs: Number(s.ctimeMs) };
}

async function readUnchanged(file: string): Promise<string | null> {
  let s: ReturnType<typeof identityOf>;
  try {
    s = identityOf(file);
  } catch {
    return null;
  }
  if (!s) return null;
  const id = s.id;
  const known = kept.get(id);
  if (known !== undefined) return known;
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null || Date.now() - Number(s.ctimeMs) < SETTLED_MS || text.length > KEPT_CHARS / 64) return text;
  kept.set(id, text);
  keptChars += text.length;
  for (const [oldest, old] of kept) {
    if (keptChars <= KEPT_CHARS) break;
    kept.delete(oldest);
    keptChars -= old.length;
  }
  return text;
}

function readText(file: string): Promise<string | null> {
  const texts = reading.getStore();
  const known = texts?.get(file);
  if (known) return known;
  const text = readUnchanged(file);
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
      // Unchanged files answer without waiting on anything: let the event loop run between batches of them.
      if (i % 256 === 255) await setImmediate();
      out[i] = await readText(path.join(root, files[i]!));
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, reader));
  return out;
}

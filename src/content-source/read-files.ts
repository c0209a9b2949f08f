import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileIdentity } from '../files/file-identity.ts';
import { yieldingTurns } from './event-loop-turns.ts';

/**
 * Texts a check read, by path relative to the root it checked. A caller that
 * knows every path written since (the publication gate, the warm renderer)
 * hands them to the next check as `unchanged` (docs/adr/0115).
 */
export type TextsRead = Map<string, string>;

/** The text of a file known not to have changed since it was read, by path relative to the check's root; undefined: read it. */
export type UnchangedTexts = (rel: string) => string | undefined;

export interface ReadingOptions {
  unchanged?: UnchangedTexts;
  /** Filled with every text the check read. */
  read?: TextsRead;
  /**
   * What each kind of load of each folder gave in an earlier check, by `folderKey` (`keptFolder`), and whether
   * nothing under a folder was written since that check (docs/adr/0123).
   */
  folders?: ReadonlyMap<string, unknown>;
  unchangedFolder?: (dir: string) => boolean;
  /** Filled with what this check loaded of each folder, or took from `folders`. */
  loaded?: Map<string, unknown>;
}

/**
 * Within one check of a site (`withOneReading`), a file is read once: the
 * loader and the encoding check both want every entry's text, and reading
 * 10,000 files twice was a third of the check (docs/adr/0046). The files do
 * not change during a check: it reads a checkout or the gate's overlay. A
 * folder is listed once too.
 */
interface Reading extends ReadingOptions {
  texts: Map<string, Promise<string | null>>;
  names: Map<string, Promise<string[]>>;
  entryFiles: Map<string, Promise<string[]>>;
}
const reading = new AsyncLocalStorage<Reading>();

export function withOneReading<T>(task: () => Promise<T>, options: ReadingOptions = {}): Promise<T> {
  return reading.run({ ...options, texts: new Map(), names: new Map(), entryFiles: new Map() }, task);
}

/**
 * What `load` makes of a folder, taken from the last check when nothing under the folder was written since: a
 * publication changes a section or two of a 10,000-entry site, and listing, looking up and validating every entry
 * of the others again was most of a warm renderer's check (docs/adr/0123). `load` must depend on the folder's
 * files alone.
 */
export async function keptFolder<T>(dir: string, kind: FolderLoad, load: () => Promise<T>): Promise<T> {
  const store = reading.getStore();
  const key = folderKey(kind, dir);
  const folders = store?.unchangedFolder?.(dir) ? store.folders : undefined;
  const loaded = folders?.has(key) ? (folders.get(key) as T) : await load();
  store?.loaded?.set(key, loaded);
  return loaded;
}

/** What is made of a folder: its entries, its files' encoding problems, its names' clashes. */
export type FolderLoad = 'entries' | 'encoding' | 'names';
export const folderKey = (kind: FolderLoad, dir: string) => `${kind}:${dir}`;
/** The folder of a `folderKey`. */
export const folderOfKey = (key: string) => key.slice(key.indexOf(':') + 1);

/**
 * The entry files (`.md`, `.mdx`) of a folder as paths relative to the root, sorted; once per check, and as the
 * same strings for every check that reads them, so looking each up again costs no hashing (docs/adr/0115).
 */
export function listEntryFiles(root: string, dir: string): Promise<string[]> {
  const files = reading.getStore()?.entryFiles;
  let listed = files?.get(dir);
  if (listed) return listed;
  listed = listNames(path.join(root, dir)).then((names) =>
    names
      .filter((n) => /\.mdx?$/.test(n))
      .sort()
      .map((n) => `${dir}/${n}`),
  );
  files?.set(dir, listed);
  return listed;
}

/** The names in a folder, none when it does not exist; listed once per check. */
export function listNames(dir: string): Promise<string[]> {
  const names = reading.getStore()?.names;
  let listed = names?.get(dir);
  if (listed) return listed;
  listed = readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  names?.set(dir, listed);
  return listed;
}

/**
 * Texts of files by identity (src/files/file-identity.ts), across checks: the
 * gate and the renderer check the whole site at each publication, and a
 * publication changes a handful of its files, so a file is read again only
 * when the file system says it changed (docs/adr/0113). A file that has not
 * settled is read every time.
 */
const kept = new Map<string, string>();
let keptChars = 0;
const KEPT_CHARS = 64 * 1024 * 1024;

async function readUnchanged(file: string): Promise<string | null> {
  const identity = fileIdentity(file);
  if (!identity) return null;
  const known = kept.get(identity.id);
  if (known !== undefined) return known;
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null || !identity.settled || text.length > KEPT_CHARS / 64) return text;
  kept.set(identity.id, text);
  keptChars += text.length;
  for (const [oldest, old] of kept) {
    if (keptChars <= KEPT_CHARS) break;
    kept.delete(oldest);
    keptChars -= old.length;
  }
  return text;
}

function readText(file: string): Promise<string | null> {
  const texts = reading.getStore()?.texts;
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
  // Unchanged files answer without waiting on anything: the event loop is given back between them.
  const turn = yieldingTurns();
  const store = reading.getStore();
  async function reader() {
    while (next < files.length) {
      const i = next++;
      const yielding = turn();
      if (yielding) await yielding;
      const rel = files[i]!;
      const text = store?.unchanged?.(rel) ?? (await readText(path.join(root, rel)));
      out[i] = text;
      if (text !== null) store?.read?.set(rel, text);
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, reader));
  return out;
}

import git from 'isomorphic-git';
import type { TreeEntry } from 'isomorphic-git';
import type { GitStore } from './git-store.ts';

/**
 * Tree surgery without a working tree: a change to one file rewrites only
 * the trees on its path (4 for `content/<site>/<section>/<slug>.mdx`), and
 * diffs skip every subtree whose id did not change. That keeps a save or a
 * publish independent of the size of the site.
 */

/** A new blob id for the path, or null to delete it. */
export type TreeChange = { path: string; blob: string | null };

const EMPTY_TREE: TreeEntry[] = [];

/**
 * Parsed trees by id, the most recently used kept. A tree's id is the hash of
 * its bytes, so a parsed tree never goes stale; a section of 10,000 entries
 * is one tree of 10,000 lines, which a publication reads several times
 * (the merge, the working tree, the checks of its files) and which took
 * 10–40 ms to inflate and parse each time (docs/adr/0115).
 */
const parsed = new Map<string, readonly TreeEntry[]>();
const PARSED_KEPT = 16;

/** The entries of a tree, never to be changed by the caller. */
export async function readTreeEntries(store: GitStore, oid: string): Promise<readonly TreeEntry[]> {
  // By repository too: an object one repository has may be missing from another, and reading it there must fail.
  const key = `${store.gitdir}\0${oid}`;
  const known = parsed.get(key);
  if (known) {
    parsed.delete(key);
    parsed.set(key, known);
    return known;
  }
  const entries = (await git.readTree({ ...store, oid })).tree;
  parsed.set(key, entries);
  for (const oldest of parsed.keys()) {
    if (parsed.size <= PARSED_KEPT) break;
    parsed.delete(oldest);
  }
  return entries;
}

async function entriesOf(store: GitStore, oid: string | null): Promise<readonly TreeEntry[]> {
  if (!oid) return EMPTY_TREE;
  return readTreeEntries(store, oid);
}

/** Returns the id of the edited tree, or null when it ends up empty (git keeps no empty subtrees). */
async function edit(
  store: GitStore,
  oid: string | null,
  changes: Array<{ segments: string[]; blob: string | null }>,
): Promise<string | null> {
  const entries = new Map((await entriesOf(store, oid)).map((e) => [e.path, e]));
  const nested = new Map<string, Array<{ segments: string[]; blob: string | null }>>();
  for (const change of changes) {
    const [name, ...rest] = change.segments;
    if (rest.length === 0) {
      if (change.blob) entries.set(name, { mode: '100644', path: name, oid: change.blob, type: 'blob' });
      else entries.delete(name);
    } else {
      nested.set(name, [...(nested.get(name) ?? []), { segments: rest, blob: change.blob }]);
    }
  }
  for (const [name, sub] of nested) {
    const current = entries.get(name);
    const edited = await edit(store, current?.type === 'tree' ? current.oid : null, sub);
    if (edited) entries.set(name, { mode: '040000', path: name, oid: edited, type: 'tree' });
    else entries.delete(name);
  }
  if (entries.size === 0) return null;
  return git.writeTree({ ...store, tree: [...entries.values()] });
}

export async function editTree(store: GitStore, rootTree: string | null, changes: TreeChange[]): Promise<string> {
  const edited = await edit(
    store,
    rootTree,
    changes.map((c) => ({ segments: c.path.split('/'), blob: c.blob })),
  );
  return edited ?? git.writeTree({ ...store, tree: [] });
}

/** Blob id at a path inside a tree, or null. */
export async function blobAt(store: GitStore, rootTree: string, path: string): Promise<string | null> {
  let oid = rootTree;
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const entry = (await readTreeEntries(store, oid)).find((e) => e.path === segments[i]);
    if (!entry) return null;
    const last = i === segments.length - 1;
    if (last) return entry.type === 'blob' ? entry.oid : null;
    if (entry.type !== 'tree') return null;
    oid = entry.oid;
  }
  return null;
}

/** Tree id of a folder inside a tree, or null. */
export async function treeAt(store: GitStore, rootTree: string, folder: string): Promise<string | null> {
  let oid = rootTree;
  for (const segment of folder.split('/').filter(Boolean)) {
    const entry = (await readTreeEntries(store, oid)).find((e) => e.path === segment);
    if (entry?.type !== 'tree') return null;
    oid = entry.oid;
  }
  return oid;
}

export interface TreeDiff {
  path: string;
  /** null when absent on that side. */
  before: string | null;
  after: string | null;
}

/** Files that differ between two trees below `prefix` (a folder path, '' for all). */
export async function diffTrees(store: GitStore, a: string | null, b: string | null, prefix = ''): Promise<TreeDiff[]> {
  const start = async (root: string | null) => (root && prefix ? await treeAt(store, root, prefix) : root);
  const out: TreeDiff[] = [];
  await walk(store, await start(a), await start(b), prefix, out);
  return out;
}

async function walk(store: GitStore, a: string | null, b: string | null, base: string, out: TreeDiff[]): Promise<void> {
  if (a === b) return;
  const left = new Map((await entriesOf(store, a)).map((e) => [e.path, e]));
  const right = new Map((await entriesOf(store, b)).map((e) => [e.path, e]));
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(name);
    const r = right.get(name);
    if (l?.oid === r?.oid && l?.type === r?.type) continue;
    const path = base ? `${base}/${name}` : name;
    const lTree = l?.type === 'tree' ? l.oid : null;
    const rTree = r?.type === 'tree' ? r.oid : null;
    if (lTree || rTree) await walk(store, lTree, rTree, path, out);
    const lBlob = l?.type === 'blob' ? l.oid : null;
    const rBlob = r?.type === 'blob' ? r.oid : null;
    if (lBlob !== rBlob) out.push({ path, before: lBlob, after: rBlob });
  }
}

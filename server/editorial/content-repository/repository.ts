import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { CommitObject } from 'isomorphic-git';
import { systemClock, type Clock } from '#server/platform/clock.ts';
import { createAsyncLock, type Exclusive } from './async-lock.ts';
import { RefConflictError, RepositoryUnavailableError } from '../errors.ts';
import { gitStore, type GitStore } from './git-store.ts';
import { blobAt, diffTrees, editTree, readTreeEntries, treeAt, type TreeChange, type TreeDiff } from './trees.ts';
import type { Person } from './workflow-record.ts';

/**
 * The content repository: `sites/` and `content/` under git, `main` being
 * what is published. Branches are never checked out: every write builds
 * blobs, trees and a commit directly and moves the ref with compare-and-swap
 * under a per-repository lock. The folder's working tree is a checkout of
 * `main` only, kept in step by `syncWorkingTree` after each change to main,
 * because the build reads content from a folder (ADR 0041).
 */

export const MAIN = 'main';
export const DEFAULT_CONTENT_DIR = './data/content';

export interface FileWrite {
  path: string;
  /** null deletes the file. */
  content: Uint8Array | string | null;
}

export interface CommitRequest {
  branch: string;
  /** Where a branch that does not exist yet starts; ignored when it exists. */
  from?: string;
  /**
   * Compare-and-swap: the head the caller based its change on (null: the
   * branch must not exist yet). Omitted: whatever the head is under the lock.
   */
  expectedHead?: string | null;
  files: FileWrite[];
  message: string;
  author: Person;
  /** Extra parents after the first (a merge). */
  mergeParents?: string[];
}

export interface ContentRepository {
  readonly dir: string;
  readonly store: GitStore;
  /** Runs `task` holding the repository lock; nested calls share it. */
  transaction<T>(task: () => Promise<T>): Promise<T>;
  resolve(branch: string): Promise<string | null>;
  readCommit(oid: string): Promise<CommitObject>;
  /** The tree id of a branch or commit id. */
  treeOf(refOrOid: string): Promise<string | null>;
  readFile(refOrOid: string, filepath: string): Promise<{ blob: string; bytes: Uint8Array } | null>;
  readBlob(blob: string): Promise<Uint8Array>;
  /** Files under a folder, down to `depth` levels (1 = the folder itself). */
  listFolder(refOrOid: string, folder: string, depth?: number): Promise<Array<{ path: string; blob: string }>>;
  diff(fromOid: string | null, toOid: string | null, prefix?: string): Promise<TreeDiff[]>;
  commit(request: CommitRequest): Promise<string>;
  deleteBranch(branch: string, expectedHead?: string): Promise<void>;
  listBranches(prefix?: string): Promise<string[]>;
  /**
   * Writes main's version of these paths into the folder and its index; with `indexLater`, the index follows
   * after it returns, and `indexed` waits for it (docs/adr/0115).
   */
  syncWorkingTree(paths: string[], options?: { indexLater?: boolean }): Promise<void>;
  /** Resolves once git's index holds every path written so far (docs/adr/0115). */
  indexed(): Promise<void>;
}

export interface OpenOptions {
  dir?: string;
  /** Folder whose `sites/` and `content/` seed a new repository: the bundled sample. */
  seedFrom?: string;
  clock?: Clock;
  /** Committer of the initial commit. */
  seedAuthor?: Person;
  /** Keeps other processes out while this one writes (docs/adr/0102): the storage's named lock. */
  exclusive?: Exclusive;
  /** Called after each transaction, once the lock is released: the mirror pushes what changed (docs/adr/0101). */
  onChange?: () => void;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function signature(person: Person, clock: Clock) {
  // Vietnam has no daylight saving: +07:00, which git writes as offset -420.
  return {
    name: person.name,
    email: `${person.username}@congso.invalid`,
    timestamp: Math.floor(clock() / 1000),
    timezoneOffset: -420,
  };
}

async function seed(store: GitStore, from: string, author: Person, clock: Clock): Promise<void> {
  await mkdir(store.dir, { recursive: true });
  for (const folder of ['sites', 'content']) {
    if (await exists(path.join(from, folder)))
      await cp(path.join(from, folder), path.join(store.dir, folder), { recursive: true });
  }
  await git.init({ fs: store.fs, dir: store.dir, defaultBranch: MAIN });
  await git.add({ ...store, filepath: '.' });
  await git.commit({
    ...store,
    message: 'Khởi tạo kho nội dung từ dữ liệu mẫu\n',
    author: signature(author, clock),
    committer: signature(author, clock),
  });
}

export async function openContentRepository(options: OpenOptions = {}): Promise<ContentRepository> {
  const dir = path.resolve(options.dir ?? process.env.CONGSO_CONTENT_REPO ?? DEFAULT_CONTENT_DIR);
  const clock = options.clock ?? systemClock;
  const store = gitStore(dir);
  if (!(await exists(store.gitdir))) {
    if (!options.seedFrom) throw new RepositoryUnavailableError({ dir, reason: 'no repository and no seed' });
    await seed(store, options.seedFrom, options.seedAuthor ?? { username: 'congso', name: 'Hệ thống congso' }, clock);
  }
  const exclusive = options.exclusive ?? ((task) => task());
  const lock = createAsyncLock(async (task) => {
    try {
      return await exclusive(task);
    } finally {
      options.onChange?.();
    }
  });

  const resolve = async (branch: string): Promise<string | null> => {
    try {
      return await git.resolveRef({ ...store, ref: `refs/heads/${branch}` });
    } catch {
      return null;
    }
  };
  const toOid = async (refOrOid: string): Promise<string | null> =>
    /^[0-9a-f]{40}$/.test(refOrOid) ? refOrOid : resolve(refOrOid);
  const readCommit = async (oid: string) => (await git.readCommit({ ...store, oid })).commit;
  const treeOf = async (refOrOid: string) => {
    const oid = await toOid(refOrOid);
    return oid ? (await readCommit(oid)).tree : null;
  };
  const readBlob = async (blob: string) => (await git.readBlob({ ...store, oid: blob })).blob;

  /**
   * Git's index only tells a person running `git status` in the checkout that it is clean; nothing here reads it.
   * Rewriting it is a read and a write of one line per file of the repository (40–70 ms at 10,000 entries for each
   * path), so it follows the working tree after the publication instead of inside it (docs/adr/0115). Each update
   * takes the file and `main` as they are when it runs.
   */
  const unindexed = new Set<string>();
  let indexing: Promise<void> | undefined;
  function indexLater(paths: readonly string[]) {
    for (const p of paths) unindexed.add(p);
    indexing ??= (async () => {
      await new Promise((r) => setImmediate(r));
      while (unindexed.size) {
        const [p] = unindexed;
        unindexed.delete(p!);
        await git.resetIndex({ ...store, filepath: p!, ref: MAIN }).catch(() => undefined);
      }
    })().finally(() => (indexing = undefined));
  }

  const repo: ContentRepository = {
    dir,
    store,
    transaction: (task) => lock.run(task),
    resolve,
    readCommit,
    treeOf,
    readBlob,

    async readFile(refOrOid, filepath) {
      const tree = await treeOf(refOrOid);
      const blob = tree ? await blobAt(store, tree, filepath) : null;
      return blob ? { blob, bytes: await readBlob(blob) } : null;
    },

    async listFolder(refOrOid, folder, depth = 1) {
      const root = await treeOf(refOrOid);
      const start = root ? await treeAt(store, root, folder) : null;
      const out: Array<{ path: string; blob: string }> = [];
      const walk = async (oid: string, base: string, level: number) => {
        for (const entry of await readTreeEntries(store, oid)) {
          const p = `${base}/${entry.path}`;
          if (entry.type === 'blob') out.push({ path: p, blob: entry.oid });
          else if (entry.type === 'tree' && level < depth) await walk(entry.oid, p, level + 1);
        }
      };
      if (start) await walk(start, folder.replace(/\/+$/, ''), 1);
      return out;
    },

    async diff(fromOid, toOid, prefix = '') {
      const a = fromOid ? (await readCommit(fromOid)).tree : null;
      const b = toOid ? (await readCommit(toOid)).tree : null;
      return diffTrees(store, a, b, prefix);
    },

    commit(request) {
      return lock.run(async () => {
        const head = await resolve(request.branch);
        if (request.expectedHead !== undefined && request.expectedHead !== head) {
          throw new RefConflictError({ ref: request.branch, expected: request.expectedHead, actual: head });
        }
        const parent = head ?? (request.from ? await toOid(request.from) : null);
        if (!parent) throw new RefConflictError({ ref: request.from ?? request.branch, expected: null, actual: null });
        const changes: TreeChange[] = [];
        for (const file of request.files) {
          const blob =
            file.content === null
              ? null
              : await git.writeBlob({
                  ...store,
                  blob: typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content,
                });
          changes.push({ path: file.path, blob });
        }
        const tree = await editTree(store, (await readCommit(parent)).tree, changes);
        const who = signature(request.author, clock);
        const oid = await git.writeCommit({
          ...store,
          commit: {
            tree,
            parent: [parent, ...(request.mergeParents ?? [])],
            author: who,
            committer: who,
            message: request.message,
          },
        });
        await git.writeRef({ ...store, ref: `refs/heads/${request.branch}`, value: oid, force: true });
        return oid;
      });
    },

    deleteBranch(branch, expectedHead) {
      return lock.run(async () => {
        const head = await resolve(branch);
        if (expectedHead !== undefined && head !== expectedHead)
          throw new RefConflictError({ ref: branch, expected: expectedHead, actual: head });
        if (head) await git.deleteRef({ ...store, ref: `refs/heads/${branch}` });
      });
    },

    async listBranches(prefix = '') {
      // listBranches reads loose and packed refs alike; branch names may contain slashes.
      const all = await git.listBranches({ ...store });
      return all.filter((b) => b.startsWith(prefix)).sort();
    },

    async indexed() {
      while (indexing) await indexing;
    },

    async syncWorkingTree(paths, options = {}) {
      const tree = await treeOf(MAIN);
      for (const p of paths) {
        const target = path.join(dir, p);
        // Paths come from our own trees, but a working-tree write must never leave the folder.
        if (!target.startsWith(dir + path.sep)) continue;
        const blob = tree ? await blobAt(store, tree, p) : null;
        if (blob) {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, await readBlob(blob));
        } else {
          await rm(target, { force: true });
        }
      }
      if (options.indexLater) indexLater(paths);
      else for (const p of paths) await git.resetIndex({ ...store, filepath: p, ref: MAIN }).catch(() => undefined);
    },
  };
  return repo;
}

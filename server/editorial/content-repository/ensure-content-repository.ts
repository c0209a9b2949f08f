import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { Clock } from '#server/platform/clock.ts';
import { PRIVATE_DIR_MODE } from '#server/platform/private-files.ts';
import { RepositoryUnavailableError } from '../errors.ts';
import type { Exclusive } from './async-lock.ts';
import { DEFAULT_CONTENT_DIR, MAIN, openContentRepository, type ContentRepository } from './repository.ts';

/**
 * The content repository the server edits and the build reads (ADR 0041),
 * made ready at start-up:
 * - first start: created from the project's `sites/` and `content/` with one
 *   commit. It is seeded in a sibling folder and renamed into place, so a
 *   start interrupted half-way through the copy leaves no half repository
 *   that the next start would take for a real one;
 * - later starts: opened as it is, and its working tree brought back to
 *   `main`. The server updates the folder path by path after each change to
 *   `main`; a crash between the commit and that write would otherwise leave
 *   the build reading a folder older than what was published.
 */

export interface EnsureOptions {
  /** The repository folder: CONTENT_REPO_DIR, `./data/content` by default. */
  dir: string;
  /** Folder whose `sites/` and `content/` seed a new repository: the project itself. */
  seedFrom: string;
  clock?: Clock;
  /** Keeps other processes out while one writes, and while one creates it (docs/adr/0102). */
  exclusive?: Exclusive;
  /** Called after each change: the mirror's push (docs/adr/0101). */
  onChange?: () => void;
  /**
   * Fills a new repository's folder from elsewhere instead of the sample:
   * a clone of the mirror (docs/adr/0101). Resolves false when there is
   * nothing to clone (an empty mirror), and the sample is used.
   */
  cloneInto?: (dir: string) => Promise<boolean>;
}

export interface EnsuredRepository {
  /** Absolute path of the folder; its working tree is `main`, for the build. */
  dir: string;
  /** Whether this call created it (first start). */
  created: boolean;
  /** Whether it was created as a clone of the mirror rather than from the sample. */
  cloned: boolean;
  /** Opened once here: a second `openContentRepository` on the same folder would have its own lock. */
  repo: ContentRepository;
}

/** The folder from the environment: CONTENT_REPO_DIR (CONGSO_CONTENT_REPO, its older name), else ./data/content. */
export function contentRepositoryDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_REPO_DIR || env.CONGSO_CONTENT_REPO || DEFAULT_CONTENT_DIR);
}

/** Whether the server's content repository has been created (by the first `npm start`). */
export function contentRepositoryExists(env: Record<string, string | undefined> = process.env): boolean {
  return existsSync(path.join(contentRepositoryDir(env), '.git'));
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function ensureContentRepository(options: EnsureOptions): Promise<EnsuredRepository> {
  const dir = path.resolve(options.dir);
  const opened = () =>
    openContentRepository({ dir, clock: options.clock, exclusive: options.exclusive, onChange: options.onChange });
  // Two instances starting together: one creates, the other finds it made.
  const exclusive = options.exclusive ?? ((task) => task());
  const made = await exclusive(async () => {
    if (await exists(path.join(dir, '.git'))) {
      const repo = await opened();
      if (!(await repo.resolve(MAIN))) throw new RepositoryUnavailableError({ dir, reason: `no ${MAIN} branch` });
      // Writes only the files whose content differs from main's (isomorphic-git compares with the index first).
      await git.checkout({ ...repo.store, ref: MAIN, force: true });
      return null;
    }
    return create(dir, options);
  });
  return { dir, created: made !== null, cloned: made === 'cloned', repo: await opened() };
}

async function create(dir: string, options: EnsureOptions): Promise<'cloned' | 'seeded'> {
  if (await exists(dir)) {
    // An empty folder (made by hand) is fine; anything else is not ours to overwrite.
    if ((await readdir(dir)).length > 0)
      throw new RepositoryUnavailableError({ dir, reason: 'folder is not empty and not a repository' });
    await rmdir(dir).catch(() => undefined);
  }
  // mkdtemp makes the staging folder 0700, and the rename keeps it: drafts are nobody else's to read.
  await mkdir(path.dirname(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  const staging = await mkdtemp(path.join(path.dirname(dir), `.${path.basename(dir)}-seed-`));
  try {
    const cloned = (await options.cloneInto?.(staging)) ?? false;
    if (!cloned) await openContentRepository({ dir: staging, seedFrom: options.seedFrom, clock: options.clock });
    await rename(staging, dir);
    return cloned ? 'cloned' : 'seeded';
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

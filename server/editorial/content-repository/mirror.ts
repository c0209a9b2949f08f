import fs from 'node:fs';
import git, { type AuthCallback } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { log as platformLog, type Logger } from '#server/platform/observability/log.ts';
import { systemClock, type Clock } from '#server/platform/clock.ts';
import { MirrorUnreachableError } from '../errors.ts';
import type { Exclusive } from './async-lock.ts';
import { MAIN, type ContentRepository } from './repository.ts';

/**
 * The content repository's copy on a git server (docs/adr/0101): with
 * CONTENT_REMOTE_URL set, every ref — `main`, each draft's branch, the
 * records under `refs/congso/` — is pushed after each change. The push
 * makes the remote equal to the repository (forced, deletions included):
 * the server's repository is the source of truth and the mirror its copy,
 * so git's own strength, a full copy with history, is kept somewhere else.
 * A remote that is down never stops the platform: the mirror retries with
 * a growing delay and catches up with everything at once when it is back.
 */

export interface MirrorRemote {
  /** The address without credentials: what logs and pages may show. */
  url: string;
  onAuth?: AuthCallback;
}

/** `https://user:token@git.example/congso.git` → the address and a git credential, kept apart. */
export function mirrorRemote(address: string): MirrorRemote {
  const url = new URL(address);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return { url: url.toString(), ...(username || password ? { onAuth: () => ({ username, password }) } : {}) };
}

export interface MirrorOptions {
  repo: ContentRepository;
  remote: MirrorRemote;
  /** Only one process pushes at a time (docs/adr/0102): each push reads the refs afresh, so the remote never goes back. */
  exclusive?: Exclusive;
  clock?: Clock;
  /** Retry delays: the first, doubled after each failure up to the longest. */
  retry?: { firstMs?: number; longestMs?: number };
  log?: Logger;
}

export interface MirrorStatus {
  lastPushAt: number | null;
  /** Failures in a row; 0 once the remote has everything. */
  failures: number;
  lastError: string | null;
}

export interface ContentMirror {
  /** Something changed: push soon. */
  request(): void;
  /** Resolves once the remote holds every ref as the repository had it when called (retrying meanwhile). */
  synced(): Promise<void>;
  status(): MirrorStatus;
  stop(): void;
}

/** The refs a mirror carries: branches and congso's records; not the bookkeeping of remotes. */
export async function mirroredRefs(repo: ContentRepository): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  for (const name of await git.listRefs({ ...repo.store, filepath: 'refs' })) {
    if (!name.startsWith('heads/') && !name.startsWith('congso/')) continue;
    refs.set(`refs/${name}`, await git.resolveRef({ ...repo.store, ref: `refs/${name}` }));
  }
  return refs;
}

async function serverRefs(remote: MirrorRemote): Promise<Map<string, string>> {
  const advertised = await git.listServerRefs({
    http,
    url: remote.url,
    onAuth: remote.onAuth,
    protocolVersion: 1,
    forPush: true,
  });
  return new Map(
    advertised
      .filter((r) => r.ref.startsWith('refs/heads/') || r.ref.startsWith('refs/congso/'))
      .map((r) => [r.ref, r.oid]),
  );
}

/** One pass: every ref that differs is pushed, every ref the repository no longer has is deleted. */
async function pushDifferences(repo: ContentRepository, remote: MirrorRemote): Promise<number> {
  const local = await mirroredRefs(repo);
  const there = await serverRefs(remote);
  let pushed = 0;
  // main first: the drafts' branches start from it, so their pushes send little.
  const order = [...local.keys()].sort(
    (a, b) => Number(b === `refs/heads/${MAIN}`) - Number(a === `refs/heads/${MAIN}`),
  );
  for (const ref of order) {
    if (there.get(ref) === local.get(ref)) continue;
    await git.push({ ...repo.store, http, url: remote.url, onAuth: remote.onAuth, ref, remoteRef: ref, force: true });
    pushed += 1;
  }
  for (const [ref, oid] of there) {
    if (local.has(ref)) continue;
    // isomorphic-git resolves the local name even to delete; a commit id passes as itself.
    await git.push({
      ...repo.store,
      http,
      url: remote.url,
      onAuth: remote.onAuth,
      ref: oid,
      remoteRef: ref,
      delete: true,
      force: true,
    });
    pushed += 1;
  }
  return pushed;
}

export function createContentMirror(options: MirrorOptions): ContentMirror {
  const { repo, remote } = options;
  const clock = options.clock ?? systemClock;
  const exclusive = options.exclusive ?? ((task) => task());
  const firstMs = options.retry?.firstMs ?? 5_000;
  const longestMs = options.retry?.longestMs ?? 10 * 60_000;
  const log = options.log ?? platformLog;
  const status: MirrorStatus = { lastPushAt: null, failures: 0, lastError: null };
  let dirty = false;
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let waiters: Array<() => void> = [];

  function schedule(delayMs: number): void {
    if (timer || running || stopped) return;
    timer = setTimeout(() => void pass(), delayMs);
    timer.unref();
  }

  async function pass(): Promise<void> {
    timer = null;
    running = true;
    dirty = false;
    const done = waiters;
    waiters = [];
    let delay = 0;
    try {
      const pushed = await exclusive(() => pushDifferences(repo, remote));
      if (status.failures > 0 || pushed > 0)
        log.info('content-mirror-pushed', { remote: remote.url, refs: pushed, afterFailures: status.failures });
      status.lastPushAt = clock();
      status.failures = 0;
      status.lastError = null;
      for (const resolve of done) resolve();
    } catch (error) {
      dirty = true;
      waiters.push(...done);
      status.failures += 1;
      status.lastError = (error as { code?: string }).code ?? (error as Error).name;
      delay = Math.min(firstMs * 2 ** (status.failures - 1), longestMs);
      log.warn('content-mirror-failed', {
        remote: remote.url,
        failures: status.failures,
        retryInMs: delay,
        reason: status.lastError,
      });
    } finally {
      running = false;
      if (dirty || waiters.length > 0) schedule(delay);
    }
  }

  return {
    request() {
      dirty = true;
      schedule(0);
    },
    synced() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        dirty = true;
        schedule(0);
      });
    },
    status: () => ({ ...status }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * A fresh installation from its mirror (docs/adr/0101): every ref of the
 * remote, fetched into `dir`, with `main` checked out. Resolves false when
 * the remote has no `main` yet (a new, empty mirror): the caller seeds
 * from the sample, and the first push fills the mirror. A remote that
 * cannot be reached stops the start: seeding from the sample then would
 * overwrite the real content at the first push.
 */
export function cloneFromMirror(remote: MirrorRemote): (dir: string) => Promise<boolean> {
  return async (dir) => {
    let there: Map<string, string>;
    try {
      there = await serverRefs(remote);
    } catch (error) {
      throw new MirrorUnreachableError({
        remote: remote.url,
        reason: (error as { code?: string }).code ?? (error as Error).name,
      });
    }
    if (!there.has(`refs/heads/${MAIN}`)) return false;
    const store = { fs, dir, gitdir: `${dir}/.git`, cache: {} };
    await git.init({ ...store, defaultBranch: MAIN });
    // A remote only for the clone: fetching needs one, the server keeps none (the mirror pushes by address).
    await git.addRemote({ ...store, remote: 'mirror', url: remote.url });
    const fetch = (extra: object) =>
      git.fetch({ ...store, http, remote: 'mirror', onAuth: remote.onAuth, tags: false, ...extra });
    // Every branch at once; then whatever other records are not reachable from a branch, one by one.
    await fetch({ singleBranch: false });
    for (const [ref, oid] of there) {
      const have = await git.readObject({ ...store, oid }).then(
        () => true,
        () => false,
      );
      if (!have) await fetch({ ref, remoteRef: ref, singleBranch: true });
      await git.writeRef({ ...store, ref, value: oid, force: true });
    }
    await git.deleteRemote({ ...store, remote: 'mirror' });
    for (const name of await git.listRefs({ ...store, filepath: 'refs/remotes' }))
      await git.deleteRef({ ...store, ref: `refs/remotes/${name}` });
    await git.checkout({ ...store, ref: MAIN, force: true });
    return true;
  };
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '#server/platform/observability/log.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import {
  cloneFromMirror,
  createContentMirror,
  mirroredRefs,
  mirrorRemote,
  type ContentMirror,
} from '#server/editorial/content-repository/mirror.ts';
import type { ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createDecapProxy } from '#server/editorial/decap-proxy/handlers.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { createPublishQueue } from '#server/editorial/publish-queue.ts';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server.ts';
import { BOARD, newsEntry, SEED, SITE } from './support.ts';

/**
 * docs/adr/0101: with CONTENT_REMOTE_URL set, every change of the content
 * repository reaches a git server; a remote that is down during a
 * publication delays the copy, never the publication; when it is back, it
 * ends equal to the repository, every ref; a new installation starts from it.
 * The git server is git's own http-backend.
 */
const run = promisify(execFile);
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let work: string;
let server: GitHttpServer;
let repo: ContentRepository;
let mirror: ContentMirror;
let remoteUrl: string;
let call: (
  actor: (typeof BOARD)[keyof typeof BOARD],
  action: string,
  params?: Record<string, unknown>,
) => Promise<{ status: number; body: unknown }>;

/** The remote's refs as git itself lists them, `HEAD` aside. */
async function remoteRefs(): Promise<Map<string, string>> {
  const { stdout } = await run('git', ['ls-remote', remoteUrl]);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string])
      .filter(([, ref]) => ref !== 'HEAD')
      .map(([oid, ref]) => [ref, oid]),
  );
}

async function save(actor: (typeof BOARD)[keyof typeof BOARD], slug: string) {
  return call(actor, 'persistEntry', {
    dataFiles: [{ slug, path: `content/${SITE}/tin-tuc/${slug}.mdx`, raw: newsEntry({ title: `Tin ${slug}` }) }],
    assets: [],
    options: { collectionName: 'tin-tuc', commitMessage: `Lưu ${slug}`, useWorkflow: true, status: 'draft' },
  });
}
const move = (actor: (typeof BOARD)[keyof typeof BOARD], slug: string, newStatus: string) =>
  call(actor, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-mirror-'));
  await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', path.join(work, 'remote', 'noi-dung.git')]);
  server = await startGitHttpServer(path.join(work, 'remote'));
  remoteUrl = server.url('noi-dung.git');
  const remote = mirrorRemote(remoteUrl);
  const ensured = await ensureContentRepository({
    dir: path.join(work, 'content'),
    seedFrom: SEED,
    onChange: () => mirror?.request(),
    // An empty mirror: the installation starts from the sample and fills it.
    cloneInto: cloneFromMirror(remote),
  });
  expect(ensured).toMatchObject({ created: true, cloned: false });
  repo = ensured.repo;
  mirror = createContentMirror({ repo, remote, retry: { firstMs: 50, longestMs: 400 }, log: quiet });
  const gate = createPublicationGate({ repo, queue: createPublishQueue({ build: async () => undefined }) });
  const proxy = createDecapProxy({ repo, gate });
  call = (actor, action, params = {}) =>
    proxy.handle({ actor, site: SITE, body: { action, params: { branch: 'main', ...params } } });
});

afterAll(async () => {
  mirror?.stop();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('mirroring the content repository', () => {
  it('fills an empty mirror with main and pushes each change, drafts included', async () => {
    await mirror.synced();
    expect(await remoteRefs()).toEqual(await mirroredRefs(repo));
    expect((await save(BOARD.contributor, 'ban-nhap')).status).toBe(200);
    await mirror.synced();
    expect((await remoteRefs()).get(`refs/heads/cms/${SITE}/tin-tuc/ban-nhap`)).toBe(
      await repo.resolve(`cms/${SITE}/tin-tuc/ban-nhap`),
    );
  });

  it('publishes while the remote is down, and once it is back the remote equals the repository, every ref', async () => {
    await server.down();
    for (const step of [
      () => save(BOARD.contributor, 'khi-mat-mang'),
      () => move(BOARD.contributor, 'khi-mat-mang', 'pending_review'),
      () => move(BOARD.deputy, 'khi-mat-mang', 'pending_publish'),
      () => call(BOARD.head, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug: 'khi-mat-mang' }),
      () => call(BOARD.contributor, 'deleteUnpublishedEntry', { collection: 'tin-tuc', slug: 'ban-nhap' }),
    ]) {
      expect((await step()).status).toBe(200);
    }
    // The platform did not wait; the mirror is behind and says so.
    await new Promise((r) => setTimeout(r, 300));
    expect(mirror.status().failures).toBeGreaterThan(0);
    const local = await mirroredRefs(repo);
    expect(local.has(`refs/congso/published/${SITE}/tin-tuc/khi-mat-mang`)).toBe(true);
    expect(local.has(`refs/heads/cms/${SITE}/tin-tuc/ban-nhap`)).toBe(false);

    await server.up();
    await mirror.synced();
    expect(mirror.status()).toMatchObject({ failures: 0, lastError: null });
    expect(await remoteRefs()).toEqual(local);
  });

  it('starts a new installation from the mirror, with every ref and main in its folder', async () => {
    const fresh = await ensureContentRepository({
      dir: path.join(work, 'may-moi', 'content'),
      seedFrom: SEED,
      cloneInto: cloneFromMirror(mirrorRemote(remoteUrl)),
    });
    expect(fresh).toMatchObject({ created: true, cloned: true });
    expect(await mirroredRefs(fresh.repo)).toEqual(await mirroredRefs(repo));
    const published = await readFile(path.join(fresh.dir, `content/${SITE}/tin-tuc/khi-mat-mang.mdx`), 'utf8');
    expect(published).toContain('Tin khi-mat-mang');
  });

  it('refuses to start a new installation from a mirror it cannot reach, rather than from the sample', async () => {
    await server.down();
    try {
      await expect(
        ensureContentRepository({
          dir: path.join(work, 'may-khac', 'content'),
          seedFrom: SEED,
          cloneInto: cloneFromMirror(mirrorRemote(remoteUrl)),
        }),
      ).rejects.toMatchObject({ code: 'E_MIRROR_UNREACHABLE' });
    } finally {
      await server.up();
    }
  });
});

import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { loadDepartments } from '#src/content-source/departments.ts';
import { createServices } from '#server/accounts/index.ts';
import {
  cloneFromMirror,
  createContentMirror,
  createPublicationGate,
  ensureContentRepository,
  mirrorRemote,
  type ContentMirror,
} from '#server/editorial/index.ts';
import { mailOptionsFromEnv } from '#server/platform/mail/mail-options.ts';
import { openStorage } from '#server/platform/storage/open-storage.ts';
import { installationFromEnv } from '../installation.ts';
import { createDepartmentService } from './department-service.ts';

/**
 * What `npm run new-site` and `npm run site` act on: the installation the
 * server serves (its storage and its content repository, under the same
 * lock as the server's writes, docs/adr/0102), never the project folder.
 */
export async function openDepartmentCommand(env: NodeJS.ProcessEnv) {
  const installation = installationFromEnv(env);
  const storage = await openStorage(env);
  await storage.migrate();
  const remote = env.CONTENT_REMOTE_URL ? mirrorRemote(env.CONTENT_REMOTE_URL) : null;
  const content = await ensureContentRepository({
    dir: installation.contentDir,
    seedFrom: PROJECT_ROOT,
    exclusive: (task) => storage.locks.withLock('content-repository', task),
    ...(remote ? { cloneInto: cloneFromMirror(remote) } : {}),
  });
  // The command pushes its own change; the server's mirror would otherwise catch up within minutes.
  const mirror: ContentMirror | null = remote
    ? createContentMirror({
        repo: content.repo,
        remote,
        exclusive: (task) => storage.locks.withLock('content-mirror', task),
        retry: { firstMs: 1000, longestMs: 4000 },
      })
    : null;
  const service = createDepartmentService({
    repo: content.repo,
    gate: createPublicationGate({ repo: content.repo }),
    storage,
    distDir: installation.distDir,
    accountsAfterChange: async () =>
      createServices({ storage, departments: await loadDepartments(content.dir), mail: mailOptionsFromEnv(env) })
        .accounts,
  });
  return {
    installation,
    service,
    mirror,
    async close() {
      mirror?.stop();
      await storage.close();
    },
  };
}

/** Builds one department's site into dist/ as a publication would; returns its page count. */
export async function buildDepartmentSite(contentDir: string, distDir: string, id: string): Promise<number> {
  const workDir = path.join(PROJECT_ROOT, '.build', `site-${process.pid}`);
  try {
    const result = await buildSites({
      contentRoot: contentDir,
      outDir: distDir,
      sites: [id],
      workers: 1,
      workDir,
      triggeredBy: 'cli:new-site',
    });
    return result.sites[0]?.pages ?? 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Whether a congso server answers on this machine's port: the steps printed differ. */
export function serverRunning(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/healthz', headers: { host: 'localhost' }, timeout: 1500 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200 || res.statusCode === 503);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

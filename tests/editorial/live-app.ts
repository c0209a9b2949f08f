import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDepartments } from '#src/content-source/departments.ts';
import type { Role } from '#src/schema/roles.ts';
import { createApp } from '#server/platform/app.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import type { ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { siteBuilder } from '#server/editorial/publish-queue-build.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { cheapHasher } from '../accounts/support.ts';

/**
 * The real server as `server/platform/main.ts` wires it — accounts, `/admin/` over a
 * content repository, a rebuild of the site after each publication into a
 * `dist/` it serves — on a random port, in temporary folders, with one
 * department site already built. Only the password hash is made cheap.
 */

/** Three small departments, every Điều 7 section present: the build's own fixture. */
export const LIVE_SEED = path.resolve(import.meta.dirname, '../fixtures/build-content');
export const LIVE_SITE = 'sotuphap';

export interface Person {
  username: string;
  oneTimePassword: string;
  fullName: string;
}

export interface LiveApp {
  /** The Hono app behind the socket: tests may also call it directly (`app.request`). */
  app: ReturnType<typeof createApp>;
  services: ReturnType<typeof createServices>;
  storage: Storage;
  port: number;
  /** `http://sotuphap.localhost:<port>`: Chromium resolves `*.localhost` to the loopback address itself. */
  origin: string;
  repo: ContentRepository;
  repoDir: string;
  distDir: string;
  people: Record<'head' | 'deputy' | 'contributor', Person>;
  close(): Promise<void>;
}

export async function startLiveApp(options: { storage?: () => Promise<Storage> } = {}): Promise<LiveApp> {
  const work = await mkdtemp(path.join(tmpdir(), 'congso-live-'));
  // Astro's work folder must be inside the project (its bundle imports node_modules); one per run.
  const workDir = path.join(PROJECT_ROOT, '.build', `test-live-${process.pid}`);
  const distDir = path.join(work, 'dist');
  const { dir: repoDir, repo } = await ensureContentRepository({
    dir: path.join(work, 'content'),
    seedFrom: LIVE_SEED,
  });
  const build = siteBuilder({ contentRoot: repoDir, outDir: distDir, workDir });
  await build(LIVE_SITE);

  const storage = options.storage
    ? await options.storage()
    : openSqliteStorage({ path: path.join(work, 'congso.sqlite') });
  await storage.migrate();
  const departments = await loadDepartments(repoDir);
  const services = createServices({ storage, departments, hasher: cheapHasher() });
  const app = createApp({
    storage,
    departments,
    services,
    distDir,
    editorial: { repo, repoDir, build, renderDraft: build.renderDraft, liveWaitMs: 60_000 },
  });
  let server: RunningServer | null = null;
  try {
    server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
    const add = async (fullName: string, role: Role, sections?: string[]): Promise<Person> => {
      const issued = await services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId: LIVE_SITE, sections },
        NO_REQUEST,
      );
      return { username: issued.account.username, oneTimePassword: issued.oneTimePassword, fullName };
    };
    const people = {
      head: await add('Nguyễn Văn An', 'head'),
      deputy: await add('Trần Thị Bích Hạnh', 'deputy'),
      contributor: await add('Hoàng Thị Mai', 'contributor', ['tin-tuc']),
    };
    const running = server;
    return {
      app,
      services,
      storage,
      port: running.port,
      origin: `http://${LIVE_SITE}.localhost:${running.port}`,
      repo,
      repoDir,
      distDir,
      people,
      async close() {
        await running.close();
        await build.close();
        await storage.close();
        await rm(workDir, { recursive: true, force: true });
        await rm(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    await build.close();
    await storage.close();
    await rm(workDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

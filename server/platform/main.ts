import { readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INFO_FILE } from '#src/build/publish-site.ts';
import { pruneEntryCaches } from '#src/build/entry-cache.ts';
import { loadDepartments, loadHolidays, loadProvince } from '#src/content-source/departments.ts';
import { createCalendar } from '#src/calendar/working-days.ts';
import { createApp } from './app.ts';
import { persistentSecret } from './private-files.ts';
import {
  cloneFromMirror,
  createContentMirror,
  createPublishQueue,
  mirrorRemote,
  type ContentMirror,
} from '#server/editorial/index.ts';
import { createPublicationGate, createTimedPublication } from '#server/editorial/index.ts';
import { caseOptionsFromEnv, createCaseServices } from '#server/citizen-services/index.ts';
import { createQuestionPublisher } from '#server/citizen-services/index.ts';
import { contentRepositoryDir, ensureContentRepository } from '#server/editorial/index.ts';
import { siteBuilder } from '#server/editorial/index.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '#server/accounts/index.ts';
import { createBackup, createDepartmentService, installationFromEnv, pruneBackups } from '#server/operations/index.ts';
import { mailOptionsFromEnv } from './mail/mail-options.ts';
import { createServices } from '#server/accounts/index.ts';
import { writeSampleAccountsFile } from '#server/accounts/index.ts';
import { seedSampleAccounts } from '#server/accounts/index.ts';
import { systemClock } from './clock.ts';
import { storageJobClaim } from './job-claims.ts';
import { liveDepartments, type Loaded } from './live-departments.ts';
import { log } from './observability/log.ts';
import { createServerMetrics } from './observability/server-metrics.ts';
import { createScheduler, dailyAt, every } from './scheduler.ts';
import { startServer } from './start-server.ts';
import { dataDirectory, openStorage } from './storage/open-storage.ts';

/**
 * `node server/platform/main.ts` (or `npm start`, which builds stale sites first).
 * Environment (README, Configuration and Operating congso): PORT (4321),
 * DATABASE_URL (PostgreSQL; else SQLITE_PATH or ./data/congso.sqlite),
 * CONTENT_REPO_DIR (the content repository, ./data/content, created from the
 * project's sites/ and content/ on first start, or cloned from
 * CONTENT_REMOTE_URL), CONGSO_DIST (built sites, ./dist), PORTAL_HOSTS
 * (extra portal domains, comma-separated), TRUST_PROXY=1 behind a reverse
 * proxy, SEED_SAMPLE_ACCOUNTS=0 to start without the sample accounts,
 * BACKUP_DIR / BACKUP_KEEP / BACKUP_HOUR for nightly backups.
 *
 * Several instances may run on one PostgreSQL database and one content
 * repository folder (docs/adr/0102): everything they must agree on goes
 * through the storage — the repository's and each build's locks, the
 * rate-limit buckets, the claim of each scheduled job.
 */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;
const instance = `${hostname()}:${process.pid}`;
const clock = systemClock;

// A dead storage thread refuses every request (docs/adr/0054): stop, and let the supervisor start a fresh process.
const storage = await openStorage(env, {
  onFailure: (error) => {
    log.error('storage-failed', {
      error,
      message: 'Luồng lưu trữ SQLite đã dừng; máy chủ dừng để được khởi động lại.',
    });
    process.exit(1);
  },
});
const applied = await storage.migrate();
if (applied.length > 0)
  log.info('migrations-applied', { versions: applied, message: `Đã áp dụng migration: ${applied.join(', ')}` });

// Everything editors publish lands in this repository; the sites are built from its folder, never from the project's content/.
const remote = env.CONTENT_REMOTE_URL ? mirrorRemote(env.CONTENT_REMOTE_URL) : null;
let mirror: ContentMirror | null = null;
const content = await ensureContentRepository({
  dir: contentRepositoryDir(env),
  seedFrom: PROJECT_ROOT,
  exclusive: (task) => storage.locks.withLock('content-repository', task),
  onChange: () => mirror?.request(),
  ...(remote ? { cloneInto: cloneFromMirror(remote) } : {}),
});
if (content.created) {
  const from = content.cloned ? `kho dự phòng ${remote!.url}` : 'dữ liệu mẫu';
  log.info('content-repository-created', {
    dir: content.dir,
    cloned: content.cloned,
    message: `Đã tạo kho nội dung ${content.dir} từ ${from}.`,
  });
}
if (remote) {
  mirror = createContentMirror({
    repo: content.repo,
    remote,
    exclusive: (task) => storage.locks.withLock('content-mirror', task),
  });
  mirror.request();
}
const distDir = path.resolve(env.CONGSO_DIST ?? 'dist');

const metrics = createServerMetrics({
  cases: () => storage.cases.countByStatus(),
  queueDepth: () => publishQueue.waiting(),
});
// One rebuild queue for the server: a CMS publication and a Q&A answer to the same site coalesce into one build.
// A scratch folder per process: another instance, or `npm run build`, may be building beside it.
const buildWorkDir = path.join(PROJECT_ROOT, '.build', `publish-${process.pid}`);
// Parsed entries outlive this process: after a restart the gate and the renderers parse only what changed (docs/adr/0118).
const entryCacheDir = path.join(PROJECT_ROOT, '.build', 'entry-cache');
// Warm renderers (docs/adr/0047): a publishing site's renderer stays loaded between its publications.
// Each holds about a gigabyte for a 1,000-entry site; CONGSO_WARM_RENDERERS=0 keeps none (every publication a full build).
const siteBuild = siteBuilder({
  contentRoot: content.dir,
  outDir: distDir,
  workDir: buildWorkDir,
  max: Number(env.CONGSO_WARM_RENDERERS ?? 2),
  entryCacheDir,
});
const publishQueue = createPublishQueue({
  build: siteBuild,
  siteLock: (site, build) => storage.locks.withLock(`build:${site}`, build),
  onOutcome: (outcome) => {
    const seconds = outcome.publishToLiveMs / 1000;
    const { site, section, slug, commit, by } = outcome.publication;
    log.info('publication', {
      site,
      entry: slug ? `${section}/${slug}` : null,
      commit,
      by: by.username,
      live: outcome.ok,
      seconds,
      coalesced: outcome.coalesced,
      excluded: outcome.excluded.length,
    });
    metrics.publication(site, outcome.ok, seconds);
  },
  onFailure: (outcomes) => {
    const site = outcomes[0]!.publication.site;
    log.error('publication-build-failed', { site, error: outcomes[0]!.error });
    metrics.buildFailed(site);
  },
});
// The one way to change main (ADR 0045): CMS publications, files, answered questions and departments all pass its check.
const publicationGate = createPublicationGate({ repo: content.repo, queue: publishQueue, entryCacheDir });

const deviceSecret = persistentSecret(path.join(dataDirectory(env), 'device-secret.key'));
const mail = mailOptionsFromEnv(env);
const portalHosts = env.PORTAL_HOSTS?.split(',')
  .map((h) => h.trim())
  .filter(Boolean);
// In the storage, not in memory: shared by every instance and kept when the departments are reloaded (docs/adr/0102).
const caseOptions = {
  ...caseOptionsFromEnv(env),
  contentRoot: content.dir,
  publisher: createQuestionPublisher(publicationGate),
  buckets: storage.rateBuckets,
};

const departmentService = createDepartmentService({
  repo: content.repo,
  gate: publicationGate,
  storage,
  distDir,
  accountsAfterChange: async () => {
    await live.reload();
    return live.current().services.accounts;
  },
});

const live = await liveDepartments({
  load: async (): Promise<Loaded> => ({
    departments: await loadDepartments(content.dir),
    province: await loadProvince(content.dir),
    holidays: await loadHolidays(content.dir),
  }),
  log,
  assemble: ({ departments, province, holidays }) => {
    const services = createServices({ storage, departments, deviceSecret, mail, portalHosts });
    // How this province counts the "ngày" of the complaint laws (docs/adr/0056).
    const caseServices = createCaseServices(storage, departments, services.deps.clock, {
      ...caseOptions,
      legalReading: province.legalReading,
      calendar: createCalendar(holidays),
    });
    const app = createApp({
      storage,
      departments,
      services,
      caseServices,
      distDir,
      province,
      trustProxy: env.TRUST_PROXY === '1',
      editorial: {
        repo: content.repo,
        repoDir: content.dir,
        queue: publishQueue,
        gate: publicationGate,
        // Drafts are drawn by the same renderers as publications: one pool (docs/adr/0106).
        renderDraft: siteBuild.renderDraft,
        // The board opening the CMS warms its site's renderer before anyone presses "Công bố" (docs/adr/0116).
        boardAtWork: siteBuild.warm,
      },
      requestLog: log,
      metrics,
      departmentService,
    });
    return { services, caseServices, app };
  },
});

// Decided before listening, under a lock: with several instances starting at once, one seeds and the others find it done.
const seeded =
  env.SEED_SAMPLE_ACCOUNTS === '0'
    ? []
    : await storage.locks.withLock('first-start', async () =>
        (await storage.accounts.list()).length === 0
          ? seedSampleAccounts(live.current().services.accounts, live.loaded().departments)
          : [],
      );
const server = await startServer(
  { fetch: (request, bindings) => live.current().app.fetch(request, bindings) },
  { port: Number(env.PORT ?? 4321) },
);
if (seeded.length > 0) {
  const file = path.resolve('data', 'sample-accounts.txt');
  const text = writeSampleAccountsFile(seeded, file, server.port);
  // A table for the person starting the server, not a log line.
  console.log(`${text}(Đã lưu vào ${file}, chỉ người chạy máy chủ đọc được.)`);
}
log.info('listening', {
  port: server.port,
  instance,
  message: `congso: http://localhost:${server.port}/quan-tri/ (cổng tỉnh), http://<mã-đơn-vị>.localhost:${server.port}/quan-tri/`,
});

// The gate's first check of a site parses all its entries (seconds for a large site): now, in the background,
// rather than during the first publication after this start (docs/adr/0113).
// Kept parses of departments that no longer exist are removed first (docs/adr/0118).
const startSites = live.loaded().departments.map((d) => d.id);
void pruneEntryCaches(entryCacheDir, startSites)
  .then(() => publicationGate.warm(startSites))
  .catch((error: unknown) => log.warn('publication-gate-warm-failed', { error: String(error) }));

// The server's own scheduler (server/platform/scheduler.ts): each occurrence runs in one instance only.
const scheduler = createScheduler({ clock, claim: storageJobClaim(storage.jobClaims, instance, clock) });
// Every instance: a department added, renamed or removed elsewhere is served here within this delay.
scheduler.add({
  name: 'departments',
  perInstance: true,
  nextDue: every(Number(env.DEPARTMENTS_RELOAD_SECONDS ?? 30) * 1000),
  run: () => live.reload().then(() => undefined),
});
// Expired sessions are refused anyway; this only keeps the table small.
scheduler.add({
  name: 'expired-sessions',
  nextDue: every(10 * 60_000),
  run: async (now) => void (await storage.sessions.deleteExpired(now, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS)),
});
// Closed cases past the retention period (CASE_RETENTION_DAYS) go on a disposal list for the head; nothing is destroyed without the head's approval (docs/adr/0059).
scheduler.add({
  name: 'case-retention',
  nextDue: every(6 * 3600_000),
  run: () =>
    live
      .current()
      .caseServices.sweep()
      .then(() => undefined),
});
// Every working morning at 07:00 in Vietnam: each officer's cases due within three working days or overdue, and the head's escalations (docs/adr/0056).
scheduler.add({
  name: 'case-digest',
  nextDue: (last, now) => live.current().caseServices.reminders.nextDue(last, now),
  run: (now) =>
    live
      .current()
      .caseServices.reminders.sendDigests(now)
      .then(() => undefined),
});
// Pages that change on time (docs/adr/0049): at each moment an entry carries, its site is rebuilt and the step is the system's.
// A moment after a site's last build is due whatever its age: a server stopped overnight still closes what ended meanwhile.
const builtAt = async (site: string) => {
  try {
    return (
      Date.parse(
        (JSON.parse(await readFile(path.join(distDir, site, BUILD_INFO_FILE), 'utf8')) as { builtAt: string }).builtAt,
      ) || null
    );
  } catch {
    return null;
  }
};
const timedPublication = createTimedPublication({ repo: content.repo, gate: publicationGate, builtAt });
scheduler.add({
  name: 'publish-on-time',
  nextDue: every(30_000),
  run: async (now) => void (await timedPublication.run(now)),
});
// A change the mirror missed (an instance stopped mid-retry) is caught up here.
if (mirror) scheduler.add({ name: 'content-mirror', nextDue: every(5 * 60_000), run: async () => mirror!.request() });
if (env.BACKUP_DIR) {
  const backupDir = env.BACKUP_DIR;
  const keep = Number(env.BACKUP_KEEP ?? 7);
  scheduler.add({
    name: 'nightly-backup',
    nextDue: dailyAt(Number(env.BACKUP_HOUR ?? 2)),
    run: async () => {
      const backup = await createBackup({ installation: installationFromEnv(env), storage, to: backupDir });
      const removed = await pruneBackups(backupDir, keep);
      log.info('backup', {
        dir: backup.dir,
        seconds: backup.manifest.seconds,
        counts: backup.manifest.counts,
        removed,
      });
    },
  });
}
scheduler.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await scheduler.stop();
    mirror?.stop();
    await server.close();
    await publishQueue.idle();
    await content.repo.indexed();
    await siteBuild.close();
    await rm(buildWorkDir, { recursive: true, force: true });
    await storage.close();
    process.exit(0);
  });
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDepartments, loadProvince } from '#src/content-source/departments.ts';
import { createApp } from './app.ts';
import { persistentSecret } from './private-files.ts';
import { createPublishQueue } from '#server/editorial/index.ts';
import { createPublicationGate } from '#server/editorial/index.ts';
import { caseOptionsFromEnv, createCaseServices } from '#server/citizen-services/index.ts';
import { createQuestionPublisher } from '#server/citizen-services/index.ts';
import { contentRepositoryDir, ensureContentRepository } from '#server/editorial/index.ts';
import { siteBuilder } from '#server/editorial/index.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '#server/accounts/index.ts';
import { mailOptionsFromEnv } from './mail/mail-options.ts';
import { createServices } from '#server/accounts/index.ts';
import { writeSampleAccountsFile } from '#server/accounts/index.ts';
import { seedSampleAccounts } from '#server/accounts/index.ts';
import { createScheduler, every } from './scheduler.ts';
import { startServer } from './start-server.ts';
import { dataDirectory, openStorage } from './storage/open-storage.ts';

/**
 * `node server/platform/main.ts` (or `npm start`, which builds stale sites first).
 * Environment: PORT (4321), DATABASE_URL (PostgreSQL; else SQLITE_PATH or
 * ./data/congso.sqlite), CONTENT_REPO_DIR (the content repository,
 * ./data/content, created from the project's sites/ and content/ on first
 * start), CONGSO_DIST (built sites, ./dist), PORTAL_HOSTS (extra portal
 * domains, comma-separated), TRUST_PROXY=1 behind a reverse proxy,
 * SEED_SAMPLE_ACCOUNTS=0 to start without the sample accounts.
 */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;

const storage = await openStorage(env);
const applied = await storage.migrate();
if (applied.length > 0) console.log(`Đã áp dụng migration: ${applied.join(', ')}`);

// Everything editors publish lands in this repository; the sites are built from its folder, never from the project's content/.
const content = await ensureContentRepository({ dir: contentRepositoryDir(env), seedFrom: PROJECT_ROOT });
if (content.created) console.log(`Đã tạo kho nội dung ${content.dir} từ dữ liệu mẫu.`);
const departments = await loadDepartments(content.dir);
const province = await loadProvince(content.dir);
const distDir = path.resolve(env.CONGSO_DIST ?? 'dist');

const services = createServices({
  storage,
  departments,
  deviceSecret: persistentSecret(path.join(dataDirectory(env), 'device-secret.key')),
  mail: mailOptionsFromEnv(env),
  portalHosts: env.PORTAL_HOSTS?.split(',').map((h) => h.trim()).filter(Boolean),
});
// One rebuild queue for the server: a CMS publication and a Q&A answer to the same site coalesce into one build.
const publishQueue = createPublishQueue({
  build: siteBuilder({ contentRoot: content.dir, outDir: distDir, workDir: path.join(PROJECT_ROOT, '.build', 'publish') }),
  onFailure: (outcomes) => console.error('congso: dựng lại trang sau khi đăng tải thất bại', outcomes),
});
// The one way to change main (ADR 0045): CMS publications, files and answered questions all pass its check.
const publicationGate = createPublicationGate({ repo: content.repo, queue: publishQueue });
const caseServices = createCaseServices(storage, departments, services.deps.clock, {
  ...caseOptionsFromEnv(env),
  contentRoot: content.dir,
  // How this province counts the "ngày" of the complaint laws (docs/adr/0056).
  legalReading: province.legalReading,
  publisher: createQuestionPublisher(publicationGate),
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
    // Its own scratch folder, so a publication never shares Astro's work folder with `npm run build` running beside it.
    queue: publishQueue,
    gate: publicationGate,
  },
});

// Decided before listening: nobody can have created an account yet, so "empty" means a first start.
const firstStart = env.SEED_SAMPLE_ACCOUNTS !== '0' && (await storage.accounts.list()).length === 0;
const server = await startServer(app, { port: Number(env.PORT ?? 4321) });
// Only into an empty storage: a later start, or a server whose accounts were all removed on purpose, never gets new ones behind its back.
if (firstStart) {
  const seeded = await seedSampleAccounts(services.accounts, departments);
  if (seeded.length > 0) {
    const file = path.resolve('data', 'sample-accounts.txt');
    const text = writeSampleAccountsFile(seeded, file, server.port);
    console.log(`${text}(Đã lưu vào ${file}, chỉ người chạy máy chủ đọc được.)`);
  }
}
console.log(`congso: http://localhost:${server.port}/quan-tri/ (cổng tỉnh), http://<mã-đơn-vị>.localhost:${server.port}/quan-tri/`);

// The server's own scheduler (server/platform/scheduler.ts): housekeeping now, pages on time and reminders as they come.
const scheduler = createScheduler();
// Expired sessions are refused anyway; this only keeps the table small.
scheduler.add({ name: 'expired-sessions', nextDue: every(10 * 60_000), run: async (now) => void (await storage.sessions.deleteExpired(now, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS)) });
// Closed cases past the retention period (CASE_RETENTION_DAYS) go on a disposal list for the head; nothing is destroyed without the head's approval (docs/adr/0059).
scheduler.add({ name: 'case-retention', nextDue: every(6 * 3600_000), run: () => caseServices.sweep().then(() => undefined) });
// Every working morning at 07:00 in Vietnam: each officer's cases due within three working days or overdue, and the head's escalations (docs/adr/0056).
scheduler.add({ name: 'case-digest', nextDue: caseServices.reminders.nextDue, run: (now) => caseServices.reminders.sendDigests(now).then(() => undefined) });
scheduler.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await scheduler.stop();
    await server.close();
    await storage.close();
    process.exit(0);
  });
}

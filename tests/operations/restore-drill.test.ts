import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDepartments } from '#src/content-source/departments.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createApp } from '#server/platform/app.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { caseOptionsFromEnv, createCaseServices } from '#server/citizen-services/create-case-services.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { openStorage } from '#server/platform/storage/open-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { createTestDatabase, postgresAvailable } from '#server/platform/storage/postgres/test-database.ts';
import { installationFromEnv, restoreBackup } from '#server/operations/index.ts';
import { Browser, cheapHasher, type TestApp } from '../accounts/support.ts';
import { LIVE_SEED } from '../editorial/live-app.ts';
import { decapCalls } from '../security/editorial-support.ts';
import { COMPLAINT, fixture } from '../services/case-support.ts';

/**
 * The restore drill the Law on Electronic Transactions 2023 and common sense
 * expect (docs/adr/0100): an installation with cases, citizens' files,
 * drafts and published entries is backed up with `npm run backup`, wiped,
 * and brought back with `npm run restore`; everything is as it was and the
 * sites are rebuilt and serving. On SQLite and on PostgreSQL.
 */
const run = promisify(execFile);
const pgAvailable = await postgresAvailable();

interface Kind {
  name: string;
  available: boolean;
  database(): Promise<{ env: Record<string, string>; wipe(): Promise<void>; drop(): Promise<void> }>;
}

const KINDS: Kind[] = [
  {
    name: 'SQLite',
    available: true,
    database: async () => ({ env: {}, wipe: async () => undefined, drop: async () => undefined }),
  },
  {
    name: 'PostgreSQL',
    available: pgAvailable,
    async database() {
      const db = await createTestDatabase();
      // The disk is gone: an empty database under the same DATABASE_URL stands in for the new server.
      return { env: { DATABASE_URL: db.url }, wipe: db.recreate, drop: db.drop };
    },
  },
];

const npm = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [path.join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
  });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openInstallation(env: Record<string, string>) {
  const storage = await openStorage(env);
  await storage.migrate();
  const { repo, dir } = await ensureContentRepository({ dir: env.CONTENT_REPO_DIR!, seedFrom: LIVE_SEED });
  const departments = await loadDepartments(dir);
  const services = createServices({ storage, departments, hasher: cheapHasher() });
  const cases = createCaseServices(storage, departments, () => Date.now(), {
    ...caseOptionsFromEnv(env),
    contentRoot: dir,
    powDifficulty: 4,
  });
  // Publications reach main; the site is built by the restore, which is what is checked.
  const app = createApp({
    storage,
    departments,
    services,
    caseServices: cases,
    distDir: env.CONGSO_DIST,
    editorial: { repo, repoDir: dir, build: async () => undefined, liveWaitMs: 0 },
  });
  return { storage, services, cases, app, repoDir: dir };
}

/** Everything a restore must bring back, as data to compare. */
async function snapshot(storage: Storage, env: Record<string, string>) {
  const cases = await storage.cases.list({ departmentId: 'sotuphap', limit: 1000 });
  const refs = (
    await run('git', ['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: env.CONTENT_REPO_DIR })
  ).stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('refs/remotes/'));
  const files: Record<string, string> = {};
  for (const record of cases) {
    for (const attachment of await storage.cases.attachments(record.id)) {
      files[attachment.storedName] = sha256(await readFile(path.join(env.ATTACHMENTS_DIR!, attachment.storedName)));
    }
  }
  return {
    accounts: await storage.accounts.list(),
    cases,
    events: await Promise.all(cases.map((c) => storage.cases.events(c.id))),
    attachments: await Promise.all(cases.map((c) => storage.cases.attachments(c.id))),
    files,
    refs,
  };
}

describe.each(KINDS)('restore drill on $name', (kind) => {
  let work: string;
  let env: Record<string, string>;
  let database: Awaited<ReturnType<Kind['database']>>;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let backupDir: string;
  let receipt: { trackingCode: string; secret: string };
  const password = 'sông Hương chiều thu';
  const usernames: Record<string, string> = {};

  beforeAll(async () => {
    if (!kind.available) return;
    work = await mkdtemp(path.join(tmpdir(), 'congso-drill-'));
    database = await kind.database();
    env = {
      SQLITE_PATH: path.join(work, 'data', 'congso.sqlite'),
      DATABASE_URL: '',
      ATTACHMENTS_DIR: path.join(work, 'data', 'attachments'),
      CONTENT_REPO_DIR: path.join(work, 'data', 'content'),
      CONGSO_DIST: path.join(work, 'dist'),
      ...database.env,
    };
    const installation = await openInstallation(env);
    const t = { app: installation.app } as unknown as TestApp;
    const people: Record<string, Browser> = {};
    for (const [key, fullName, role] of [
      ['head', 'Nguyễn Văn An', 'head'],
      ['deputy', 'Trần Thị Bích Hạnh', 'deputy'],
      ['contributor', 'Hoàng Thị Mai', 'contributor'],
    ] as const) {
      const issued = await installation.services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId: 'sotuphap', sections: role === 'contributor' ? ['tin-tuc'] : undefined },
        NO_REQUEST,
      );
      people[key] = new Browser(t, 'sotuphap.localhost');
      await people[key]!.signInFully(issued.account.username, issued.oneTimePassword, password);
      usernames[key] = issued.account.username;
    }
    const decap = decapCalls();
    const steps = [
      await decap.saveNews(people.contributor!, 'tin-khoi-phuc'),
      await decap.move(people.contributor!, 'tin-khoi-phuc', 'pending_review'),
      await decap.move(people.deputy!, 'tin-khoi-phuc', 'pending_publish'),
      await decap.publish(people.head!, 'tin-khoi-phuc'),
      await decap.saveNews(people.contributor!, 'ban-nhap'),
      await decap.saveNews(people.contributor!, 'cho-duyet'),
      await decap.move(people.contributor!, 'cho-duyet', 'pending_review'),
    ];
    expect(steps.map((s) => s.status)).toEqual(steps.map(() => 200));

    const submitted = await installation.cases.citizen.submit('sotuphap', 'khieu-nai-to-cao', {
      fields: { ...COMPLAINT },
      files: [
        { fileName: 'don.pdf', bytes: fixture('sample.pdf') },
        { fileName: 'anh.png', bytes: fixture('sample.png') },
      ],
      idempotencyKey: null,
    });
    receipt = { trackingCode: submitted.record.trackingCode, secret: submitted.secret };
    await installation.cases.citizen.submit('sotuphap', 'hoi-dap', {
      fields: {
        fullName: 'Lê Văn Tám',
        email: 'tam@example.com',
        title: 'Hỏi về đăng ký khai sinh',
        question: 'Thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?',
        consent: 'on',
      },
      files: [],
      idempotencyKey: null,
    });
    before = await snapshot(installation.storage, env);
    expect(before.cases).toHaveLength(2);
    expect(Object.keys(before.files)).toHaveLength(2);
    expect(before.refs.filter((r) => r.startsWith('refs/heads/cms/'))).toHaveLength(2);
    await installation.storage.close();
  }, 120_000);

  afterAll(async () => {
    if (!kind.available) return;
    await database.drop();
    await rm(work, { recursive: true, force: true });
  });

  it.skipIf(!kind.available)(
    'backs up the running installation into a folder of its own with a manifest of checksums',
    async () => {
      const { stdout } = await npm('backup', ['--to', path.join(work, 'sao-luu')], env);
      expect(stdout).toContain('✓');
      const [name] = await readdir(path.join(work, 'sao-luu'));
      backupDir = path.join(work, 'sao-luu', name!);
      // Citizens' files and the server's keys: readable by the server's user only.
      expect((await stat(backupDir)).mode & 0o777).toBe(0o700);
      for (const file of [
        'manifest.json',
        'content.bundle',
        `database/${kind.name === 'SQLite' ? 'congso.sqlite' : 'congso.dump'}`,
      ]) {
        expect((await stat(path.join(backupDir, file))).mode & 0o777, file).toBe(0o600);
      }
      const manifest = JSON.parse(await readFile(path.join(backupDir, 'manifest.json'), 'utf8'));
      expect(manifest.counts).toEqual({ accounts: 3, cases: 2, attachments: 2, refs: before.refs.length });
      expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
        expect.arrayContaining([
          'content.bundle',
          `database/${kind.name === 'SQLite' ? 'congso.sqlite' : 'congso.dump'}`,
        ]),
      );
    },
    60_000,
  );

  it.skipIf(!kind.available)(
    'refuses to restore over the installation that still holds data, and changes nothing',
    async () => {
      await expect(
        restoreBackup({ installation: installationFromEnv({ ...process.env, ...env }), from: backupDir }),
      ).rejects.toMatchObject({ code: 'E_INSTALLATION_NOT_EMPTY' });
      const refused = await npm('restore', ['--from', backupDir], env).catch((e: { code: number }) => e);
      expect((refused as { code: number }).code).toBe(1);
    },
  );

  it.skipIf(!kind.available)(
    'after the disk is lost, restores the same cases, files, accounts, branches and drafts, and serves the sites again',
    async () => {
      await rm(path.join(work, 'data'), { recursive: true, force: true });
      await rm(env.CONGSO_DIST!, { recursive: true, force: true });
      await database.wipe();

      // A folder of backups: the newest complete one is restored.
      const { stdout } = await npm('restore', ['--from', path.join(work, 'sao-luu')], env);
      expect(stdout).toContain('✓');

      const installation = await openInstallation(env);
      try {
        expect(await snapshot(installation.storage, env)).toEqual(before);
        // The citizen's secret still opens the case; the head's password still signs in.
        const view = await installation.cases.citizen.lookup(receipt.trackingCode, receipt.secret);
        expect(view.attachments.map((a) => a.displayName)).toEqual(['don.pdf', 'anh.png']);
        const head = new Browser({ app: installation.app } as unknown as TestApp, 'sotuphap.localhost');
        expect((await head.signIn(usernames.head!, password)).status).toBe(303);
        const drafts = await decapCalls().api(head, 'unpublishedEntries');
        expect([...drafts.body].sort()).toEqual(['tin-tuc/ban-nhap', 'tin-tuc/cho-duyet']);
        const page = await installation.app.request('http://sotuphap.localhost/tin-tuc/tin-khoi-phuc/');
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Tin tin-khoi-phuc');
      } finally {
        await installation.storage.close();
      }
    },
    180_000,
  );

  it.skipIf(!kind.available)('restores nothing from a backup whose files were changed', async () => {
    await writeFile(
      path.join(backupDir, 'attachments', (await readdir(path.join(backupDir, 'attachments')))[0]!),
      'sửa trộm',
    );
    const contentBefore = (await run('git', ['for-each-ref'], { cwd: env.CONTENT_REPO_DIR })).stdout;
    await expect(
      restoreBackup({ installation: installationFromEnv({ ...process.env, ...env }), from: backupDir, force: true }),
    ).rejects.toMatchObject({
      code: 'E_BACKUP_CORRUPT',
      data: { damaged: [expect.stringMatching(/^attachments\//)] },
    });
    expect((await run('git', ['for-each-ref'], { cwd: env.CONTENT_REPO_DIR })).stdout).toBe(contentBefore);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { openPostgresStorage } from '#server/platform/storage/postgres/postgres-storage.ts';
import { createTestDatabase, postgresAvailable } from '#server/platform/storage/postgres/test-database.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { LIVE_SEED } from '../editorial/live-app.ts';
import { newsEntry } from '../editorial/support.ts';
import { solve } from '../services/case-support.ts';
import { HttpBrowser, poll } from '../support/http-browser.ts';
import { startServerProcess, type StartedServer } from '../support/server-process.ts';

/**
 * docs/adr/0102: two server processes on one PostgreSQL database and one
 * content repository, started together. Publications, sign-in throttling
 * and citizens' submissions are driven through both at once: nothing is
 * lost, nothing doubled, and the limits hold across them.
 */
const run = promisify(execFile);
const available = await postgresAvailable();

let cwd: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let instances: StartedServer[];
let storage: Storage;
let accounts: Map<string, { username: string; password: string }>;
const PASSWORD = 'sông Hương chiều thu';

const at = (instance: StartedServer) => new HttpBrowser('http://sotuphap.localhost', { port: instance.port });

beforeAll(async () => {
  if (!available) return;
  cwd = await mkdtemp(path.join(tmpdir(), 'congso-two-'));
  database = await createTestDatabase();
  // A small content repository (three departments), so each rebuild is short.
  await ensureContentRepository({ dir: path.join(cwd, 'data', 'content'), seedFrom: LIVE_SEED });
  const env = {
    DATABASE_URL: database.url,
    CONTENT_REPO_DIR: path.join(cwd, 'data', 'content'),
    ATTACHMENTS_DIR: path.join(cwd, 'data', 'attachments'),
    // Four submissions an address across both instances, and no refill during the test.
    SUBMISSION_BURST: '4',
    SUBMISSION_PER_MINUTE: '0.001',
    POW_DIFFICULTY: '4',
  };
  // Started together: one creates the sample accounts, the other finds them.
  instances = await Promise.all([startServerProcess(cwd, env), startServerProcess(cwd, env)]);
  storage = await openPostgresStorage({ connectionString: database.url });
  const table = await readFile(path.join(cwd, 'data', 'sample-accounts.txt'), 'utf8');
  accounts = new Map(
    table
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/))
      .filter((cells) => cells.length === 4 && cells[0]!.startsWith('sotuphap.localhost'))
      .map(([, role, username, password]) => [role!, { username: username!, password: password! }]),
  );
}, 120_000);

afterAll(async () => {
  if (!available) return;
  await Promise.all((instances ?? []).map((i) => i.stop()));
  await storage?.close();
  await database?.drop();
  await rm(cwd, { recursive: true, force: true });
});

describe.skipIf(!available)('two server instances on one database and one content repository', () => {
  it('seeded the sample accounts once, though both started at once', async () => {
    expect(await storage.accounts.list('sotuphap')).toHaveLength(5);
    expect((await storage.accounts.list(null)).filter((a) => a.role === 'admin')).toHaveLength(1);
  });

  it('publishes concurrently through both: every entry on main once, its branch gone, every page built', async () => {
    const [a, b] = instances as [StartedServer, StartedServer];
    const person = async (role: string, instance: StartedServer) => {
      const browser = at(instance);
      const { username, password } = accounts.get(role)!;
      await browser.signInFully(username, password, PASSWORD).catch(async () => {
        // Already changed by an earlier call: the shared session storage knows the new password.
        const again = await browser.signIn(username, PASSWORD);
        if (again.status !== 303) throw new Error(`sign-in of ${username}: ${again.status}`);
      });
      return browser;
    };
    const contributor = await person('Cộng tác viên', a);
    const deputy = await person('Phó Trưởng Ban Biên tập', b);
    const head = await person('Trưởng Ban Biên tập', a);
    // The same sessions work on the other instance: they live in the shared database.
    const onOther = (browser: HttpBrowser, instance: StartedServer) => browser.via(instance.port);
    const api = async (browser: HttpBrowser, action: string, params: Record<string, unknown>) => {
      const answer = await browser.request('/admin/api/v1', {
        json: { action, params: { branch: 'main', ...params } },
      });
      expect(answer.status, `${action} ${answer.text.slice(0, 300)}`).toBe(200);
    };
    const slugs = ['song-huong', 'cau-truong-tien', 'chua-thien-mu', 'dai-noi'];
    await Promise.all(
      slugs.map(async (slug, i) => {
        const via = i % 2 ? b : a;
        const raw = newsEntry({ title: `Tin ${slug}` });
        await api(onOther(contributor, via), 'persistEntry', {
          dataFiles: [{ slug, path: `content/sotuphap/tin-tuc/${slug}.mdx`, raw }],
          assets: [],
          options: { collectionName: 'tin-tuc', commitMessage: `Lưu ${slug}`, useWorkflow: true, status: 'draft' },
        });
        await api(onOther(contributor, via), 'updateUnpublishedEntryStatus', {
          collection: 'tin-tuc',
          slug,
          newStatus: 'pending_review',
        });
        await api(onOther(deputy, via), 'updateUnpublishedEntryStatus', {
          collection: 'tin-tuc',
          slug,
          newStatus: 'pending_publish',
        });
      }),
    );
    await Promise.all(
      slugs.map((slug, i) =>
        api(onOther(head, i % 2 ? a : b), 'publishUnpublishedEntry', { collection: 'tin-tuc', slug }),
      ),
    );

    const git = (...args: string[]) =>
      run('git', args, { cwd: path.join(cwd, 'data', 'content') }).then((r) => r.stdout);
    for (const slug of slugs) {
      expect(await git('show', `main:content/sotuphap/tin-tuc/${slug}.mdx`)).toContain(`Tin ${slug}`);
      // Published once: one publication commit names the entry.
      expect(
        (
          await git(
            'log',
            'main',
            '--format=%H',
            `--grep=Congso-Entry: sotuphap/tin-tuc/${slug}`,
            '--grep=Congso-Event: publish',
            '--all-match',
          )
        )
          .trim()
          .split('\n'),
      ).toHaveLength(1);
    }
    expect((await git('for-each-ref', 'refs/heads/cms/')).trim()).toBe('');
    await git('fsck', '--no-progress');
    // Both instances' builds, one after the other under the site's lock, end with every page live.
    const built = await poll(
      async () => ({
        status: (
          await Promise.all(
            slugs.map((s) =>
              stat(path.join(cwd, 'dist', 'sotuphap', 'tin-tuc', s, 'index.html')).then(
                () => 1,
                () => 0,
              ),
            ),
          )
        ).reduce<number>((x, y) => x + y, 0),
        headers: {},
        text: '',
      }),
      (answer) => answer.status === slugs.length,
      120_000,
    );
    expect(built.status).toBe(slugs.length);
    const page = await at(b).request('/tin-tuc/dai-noi/');
    expect(page.status).toBe(200);
  }, 240_000);

  it('throttles sign-in across both: failures through one slow down attempts through the other', async () => {
    const { username } = accounts.get('Biên tập viên')!;
    const [a, b] = instances as [StartedServer, StartedServer];
    const statuses: number[] = [];
    // Three free failures, alternating; one instance alone would have seen two at most.
    for (let i = 0; i < 3; i += 1)
      statuses.push((await at(i % 2 ? b : a).signIn(username, 'mật khẩu sai hoàn toàn')).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const next = await at(b).request('/quan-tri/dang-nhap', {
      form: { username, password: 'mật khẩu sai hoàn toàn' },
      headers: { accept: 'application/json' },
    });
    expect(next.status).toBe(429);
    expect(JSON.parse(next.text)).toMatchObject({ error: { code: 'E_THROTTLED' } });
  });

  it('files each submission once and holds the per-address allowance across both', async () => {
    const [a, b] = instances as [StartedServer, StartedServer];
    const submit = async (instance: StartedServer, key: string) => {
      const citizen = at(instance);
      const challenge = JSON.parse(
        (await citizen.request('/dich-vu/thu-thach?dich-vu=hoi-dap', { headers: { accept: 'application/json' } })).text,
      );
      return citizen.request('/dich-vu/hoi-dap', {
        json: {
          fullName: 'Lê Văn Tám',
          email: 'tam@example.com',
          title: 'Hỏi về đăng ký khai sinh',
          question: 'Thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?',
          consent: 'on',
          'idempotency-key': key,
          'pow-challenge': challenge.challenge,
          'pow-nonce': solve(challenge.challenge, challenge.difficulty),
        },
        headers: { accept: 'application/json' },
      });
    };
    // The same submission sent twice at once, through each instance: one case.
    const twice = await Promise.all([
      submit(a, 'k-lan-dau-tien-cua-cong-dan'),
      submit(b, 'k-lan-dau-tien-cua-cong-dan'),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(new Set(twice.map((r) => JSON.parse(r.text).trackingCode)).size).toBe(1);
    // Three more, alternating: the address's allowance of four is one allowance, not one per instance.
    const key = () => `k${crypto.randomUUID().replace(/-/g, '')}`;
    const more = [await submit(b, key()), await submit(a, key()), await submit(b, key())];
    expect(more.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(JSON.parse(more[2]!.text)).toMatchObject({ error: { code: 'E_RATE_LIMITED' } });
    const cases = await storage.cases.list({ departmentId: 'sotuphap', limit: 100 });
    expect(cases).toHaveLength(3);
  });
});

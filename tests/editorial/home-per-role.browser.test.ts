import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendBuildRecord } from '#src/build/build-history.ts';
import { checkCompliance } from '#src/checks/compliance.ts';
import type { Role } from '#src/schema/roles.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { complianceRecord } from '#server/editorial/compliance-record.ts';
import { openContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createDecapProxy } from '#server/editorial/decap-proxy/handlers.ts';
import type { Actor } from '#server/editorial/editorial-workflow.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { createPublishQueue } from '#server/editorial/publish-queue.ts';
import { type SiteBuilder, siteBuilder } from '#server/editorial/publish-queue-build.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createApp } from '#server/platform/app.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { type RunningServer, startServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { aCase, aSubmitEvent } from '#tests/support/records.ts';
import { cheapHasher, DEPARTMENTS } from '../accounts/support.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { newsEntry, SEED } from './support.ts';

/**
 * The back-office home per role (docs/adr/0091): in a seeded repository each
 * person signs in and sees exactly what waits for them, counted and linked,
 * and follows one item to where it is handled.
 */
const DAY = 86_400_000;
const SITE = 'sotuphap';

interface Person {
  id: string;
  username: string;
  password: string;
  actor: Actor;
}

describe.skipIf(!chromiumAvailable)('what waits for each person on the back-office home, in Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  let findings: number;
  let caseId: string;
  let lastBuildFailed: () => Promise<void>;
  const people: Record<string, Person> = {};
  const workDir = path.join(PROJECT_ROOT, '.build', `test-home-${process.pid}`);
  let builder: SiteBuilder | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-home-'));
    const repoDir = path.join(dir, 'content');
    const distDir = path.join(dir, 'dist');
    // Every step five days ago: whatever waits for verification or publication is past its Điều 9 deadline.
    const repo = await openContentRepository({ dir: repoDir, seedFrom: SEED, clock: () => Date.now() - 5 * DAY });
    const storage = openSqliteStorage({ path: path.join(dir, 'congso.sqlite') });
    await storage.migrate();
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher() });
    const add = async (key: string, fullName: string, role: Role, sections?: string[]) => {
      const { account, oneTimePassword } = await services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId: SITE, sections },
        NO_REQUEST,
      );
      people[key] = {
        id: account.id,
        username: account.username,
        password: oneTimePassword,
        actor: {
          username: account.username,
          name: fullName,
          site: SITE,
          role,
          sections: sections ?? [],
          delegations: [],
        },
      };
    };
    await add('head', 'Nguyễn Văn An', 'head');
    await add('deputy', 'Trần Thị Bích Hạnh', 'deputy');
    await add('contributor', 'Hoàng Thị Mai', 'contributor', ['tin-tuc']);
    await add('itOfficer', 'Phạm Đức Thắng', 'it-officer');
    await add('officer', 'Lê Quang Minh', 'editor', ['van-ban']);

    // The board's work, through the same Decap endpoint the CMS uses.
    const proxy = createDecapProxy({
      repo,
      gate: createPublicationGate({ repo, queue: createPublishQueue({ build: async () => undefined }) }),
    });
    const call = async (who: string, action: string, params: Record<string, unknown>) => {
      const r = await proxy.handle({
        actor: people[who]!.actor,
        site: SITE,
        body: { action, params: { branch: 'main', ...params } },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const write = (slug: string, title: string, body?: string) =>
      call('contributor', 'persistEntry', {
        dataFiles: [{ slug, path: `content/${SITE}/tin-tuc/${slug}.mdx`, raw: newsEntry({ title, body }) }],
        assets: [],
        options: { collectionName: 'tin-tuc', commitMessage: 'Nhập mới', useWorkflow: true, status: 'draft' },
      });
    const move = (who: string, slug: string, newStatus: string) =>
      call(who, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus });
    await write('cho-xac-thuc', 'Bài chờ xác thực');
    await write('cho-xac-thuc', 'Bài chờ xác thực', 'Chiều 20/12, Sở Tư pháp tổ chức hội nghị trực tuyến.');
    await move('contributor', 'cho-xac-thuc', 'pending_review');
    await write('cho-dang-tai', 'Bài chờ đăng tải');
    await move('contributor', 'cho-dang-tai', 'pending_review');
    await move('deputy', 'cho-dang-tai', 'pending_publish');
    await write('bi-tra-lai', 'Bài bị trả lại');
    await move('contributor', 'bi-tra-lai', 'pending_review');
    await move('deputy', 'bi-tra-lai', 'draft');
    await write('ban-nhap', 'Bản nháp chưa gửi');

    // One case assigned to the officer, one left in the queue.
    caseId = randomUUID();
    const received = Date.now() - 2 * DAY;
    for (const [id, code, assignedTo] of [
      [caseId, 'STP-2026-MINH-A1', people.officer!.id],
      [randomUUID(), 'STP-2026-CHUA-A1', null],
    ] as const) {
      const record = aCase({
        id,
        trackingCode: code,
        assignedTo,
        status: 'accepted',
        receivedAt: received,
        dueAt: Date.now() + 10 * DAY,
        closedAt: null,
      });
      await storage.cases.create({
        record,
        event: aSubmitEvent(received),
        attachments: [],
        idempotencyKeyHash: null,
      });
    }
    // The site's last rebuild failed.
    lastBuildFailed = () =>
      appendBuildRecord(distDir, {
        site: SITE,
        at: new Date().toISOString(),
        triggeredBy: 'publish:annv',
        durationMs: 1200,
        pages: null,
        entries: null,
        result: 'failure',
        errorCode: 'BUILD_FAILED',
      });
    await lastBuildFailed();
    // One line per rule of the compliance check (thirty days without news are one thing to fix).
    findings = new Set(
      (
        await checkCompliance({ root: repoDir, sites: [SITE], asOf: new Date(), workflow: complianceRecord(repo) })
      ).sites[0]!.findings.map((f) => f.rule),
    ).size;

    // Drafts are drawn by the site's own renderer (docs/adr/0106): the share link and Decap's preview show the page.
    builder = siteBuilder({ contentRoot: repoDir, outDir: distDir, workDir });
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      distDir,
      editorial: { repo, repoDir, build: async () => undefined, renderDraft: builder.renderDraft },
    });
    server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
    base = `http://${SITE}.localhost:${server.port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await builder?.close();
    await rm(workDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  const CHOSEN = 'Sông Hương chảy qua thành phố';
  const changed = new Set<string>();
  async function signIn(who: string): Promise<Page> {
    // bypassCSP only so axe can be injected; the back-office pages run no script. The board works in Vietnam:
    // Decap writes dates in the browser's time zone, and the machine running the test may be on UTC.
    const page = await (await browser.newContext({ bypassCSP: true, timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    const { username, password } = people[who]!;
    await page.goto(`${base}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(changed.has(who) ? CHOSEN : password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    if (changed.has(who)) {
      await page.waitForURL(`${base}/quan-tri/`);
      return page;
    }
    await page.getByLabel('Mật khẩu dùng một lần').fill(password);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(CHOSEN);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(CHOSEN);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(/\/quan-tri\/\?thong-bao/);
    changed.add(who);
    return page;
  }

  /** Each group on the home page: kind → [titles linked, their addresses, late?]. */
  async function waiting(page: Page) {
    return page.locator('[data-work-kind]').evaluateAll((groups) =>
      Object.fromEntries(
        groups.map((g) => [
          g.getAttribute('data-work-kind'),
          [...g.querySelectorAll('tbody tr')].map((tr) => {
            const a = tr.querySelector('th a');
            return {
              title: a?.textContent,
              href: a?.getAttribute('href'),
              late: tr.getAttribute('data-late') === 'true',
            };
          }),
        ]),
      ),
    );
  }
  const total = (page: Page) => page.locator('[data-work-total]').getAttribute('data-work-total');

  it('gives the deputy the entry to verify, late, and leads to it in the CMS', async () => {
    const page = await signIn('deputy');
    expect(await waiting(page)).toEqual({
      verify: [{ title: 'Bài chờ xác thực', href: '/admin/#/collections/tin-tuc/entries/cho-xac-thuc', late: true }],
    });
    expect(await total(page)).toBe('1');
    expect(await wcagViolations(page)).toEqual([]);
    const count = await page.evaluate(() => fetch('/quan-tri/viec-cho.json').then((r) => r.json()));
    expect(count).toEqual({ count: 1, late: 1, href: '/quan-tri/' });
    await page.getByRole('link', { name: 'Bài chờ xác thực' }).click();
    await page.waitForURL(`${base}/admin/#/collections/tin-tuc/entries/cho-xac-thuc`);
    // Decap's page carries the same count, linking back to the home page.
    const badge = page.locator('#congso-viec-cho');
    await expect.poll(() => badge.getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
    expect(await badge.textContent()).toBe('Việc chờ bạn: 1 · 1 quá hạn');
    if (process.env.CONGSO_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.CONGSO_SCREENSHOTS, 'decap-badge.png') });
    await badge.click();
    await page.waitForURL(`${base}/quan-tri/`);
  });

  it('gives the head the entry to publish, the failed build and the compliance findings', async () => {
    const page = await signIn('head');
    const found = await waiting(page);
    // The seed lacks sections and news days: the dashboard has findings, each one an item here.
    expect(findings).toBeGreaterThan(0);
    expect(Object.keys(found)).toEqual(['publish', 'build-failed', 'compliance']);
    expect(found.publish).toEqual([
      { title: 'Bài chờ đăng tải', href: '/admin/#/collections/tin-tuc/entries/cho-dang-tai', late: true },
    ]);
    expect(found['build-failed']).toEqual([{ title: 'BUILD_FAILED', href: '/quan-tri/van-hanh/', late: false }]);
    expect(found.compliance?.length).toBe(findings);
    expect(await total(page)).toBe(String(2 + findings));
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'BUILD_FAILED' }).click();
    await page.waitForURL(`${base}/quan-tri/van-hanh/`);
  });

  it('lists every entry of the department for the board, filtered by state, linked to its history and to Decap', async () => {
    const page = await signIn('deputy');
    await page.getByRole('link', { name: 'Bài viết', exact: true }).click();
    await page.waitForURL(`${base}/quan-tri/bai-viet/`);
    expect(await wcagViolations(page)).toEqual([]);
    const titles = () => page.locator('tbody th a').allTextContents();
    expect(await titles()).toEqual(
      expect.arrayContaining(['Bài chờ xác thực', 'Bài chờ đăng tải', 'Bài bị trả lại', 'Bản nháp chưa gửi']),
    );
    await page.getByLabel('Trạng thái').selectOption('in-review');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/trang-thai=in-review/);
    expect(await titles()).toEqual(['Bài chờ xác thực']);
    expect(await page.getByRole('link', { name: 'Mở trong Decap' }).getAttribute('href')).toBe(
      '/admin/#/collections/tin-tuc/entries/cho-xac-thuc',
    );
    await page.getByRole('link', { name: 'Bài chờ xác thực' }).click();
    await page.waitForURL(`${base}/quan-tri/bai-viet/tin-tuc/cho-xac-thuc`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch sử bài: Bài chờ xác thực');
    // Its versions, compared (docs/adr/0092), without accessibility violations.
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL(/tu=1&den=2/);
    expect(await page.locator('#so-sanh h3').first().textContent()).toBe('Khác nhau giữa phiên bản 1 và phiên bản 2');
    expect(await page.locator('#so-sanh ins').allTextContents()).toEqual(['thêm: Chiều', 'thêm: trực tuyến']);
    expect(await wcagViolations(page)).toEqual([]);
    // A share link (docs/adr/0093), opened by someone without an account.
    await page.getByRole('button', { name: 'Tạo liên kết xem trước' }).click();
    await page.waitForURL(/thong-bao=chia-se/);
    expect(await wcagViolations(page)).toEqual([]);
    const link = await page.locator('code.share-url').first().textContent();
    const stranger = await (await browser.newContext({ bypassCSP: true })).newPage();
    await stranger.goto(link!);
    expect(await stranger.getByRole('heading', { level: 1 }).textContent()).toBe('Bài chờ xác thực');
    expect(await stranger.getByRole('note').textContent()).toContain('Bản nháp chưa đăng tải.');
    expect(await wcagViolations(stranger)).toEqual([]);
  });

  it('gives the contributor their draft sent back, and not the one they have not sent', async () => {
    const page = await signIn('contributor');
    expect(await waiting(page)).toEqual({
      'sent-back': [{ title: 'Bài bị trả lại', href: '/admin/#/collections/tin-tuc/entries/bi-tra-lai', late: false }],
    });
    expect(await wcagViolations(page)).toEqual([]);
  });

  it('shows Decap in Vietnamese: dates on the workflow cards, the new-entry button, a date without an hour', async () => {
    const page = await signIn('contributor');
    await page.goto(`${base}/admin/`);
    // Decap's proxy backend has its own "log in" button; the session cookie is what authenticates.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Bộ sưu tập').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.goto(`${base}/admin/#/collections/tin-tuc`);
    const newEntry = page.getByRole('link', { name: 'Thêm bài tin tức' });
    await newEntry.waitFor({ timeout: 20_000 });
    expect(await newEntry.textContent()).toBe('Thêm bài tin tức');
    await page.goto(`${base}/admin/#/workflow`);
    await page.getByText('Bản nháp chưa gửi').waitFor({ timeout: 20_000 });
    const five = new Date(Date.now() - 5 * DAY);
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(five);
    const board = (await page.locator('main, body').first().textContent()) ?? '';
    expect(board).toContain(day);
    expect(board).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/);
    await page.goto(`${base}/admin/#/collections/tin-tuc/entries/ban-nhap`);
    await page.reload();
    // The preview writes the date as the site does, without an hour (docs/adr/0094).
    const date = page
      .frameLocator('iframe')
      .first()
      .frameLocator('iframe[data-preview-page]')
      .locator('article .meta time')
      .first();
    await expect.poll(() => date.textContent(), { timeout: 20_000 }).toBe('ngày 20 tháng 12 năm 2024');
    if (process.env.CONGSO_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.CONGSO_SCREENSHOTS, 'decap-entry.png') });
  });

  it('gives the IT officer the failed build and the findings, and no entry', async () => {
    // Drawing a draft above started the site's renderer with a publication that succeeded: fail the last one again.
    await lastBuildFailed();
    const page = await signIn('itOfficer');
    const found = await waiting(page);
    expect(Object.keys(found)).toEqual(['build-failed', 'compliance']);
    expect(await total(page)).toBe(String(1 + findings));
    await page.locator('[data-work-kind="compliance"] tbody th a').first().click();
    await page.waitForURL(`${base}/quan-tri/tuan-thu/`);
  });

  it('gives the officer the case assigned to them with its deadline, and leads to the case', async () => {
    const page = await signIn('officer');
    expect(await waiting(page)).toEqual({
      case: [
        { title: 'STP-2026-MINH-A1 — Khiếu nại quyết định xử phạt', href: `/quan-tri/ho-so/${caseId}`, late: false },
      ],
    });
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /STP-2026-MINH-A1/ }).click();
    await page.waitForURL(`${base}/quan-tri/ho-so/${caseId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('STP-2026-MINH-A1');
  });
});

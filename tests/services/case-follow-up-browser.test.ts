import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { UsageReport } from '#server/reports/usage-report.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable } from '../support/chromium.ts';
import { aCase, aSubmitEvent } from '../support/records.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { fillComplaint, headPage, lookUp, serveToChromium, type ServedApp } from './case-browser-support.ts';
import { COMPLAINT, createCaseTestApp, type CaseTestApp } from './case-support.ts';

/**
 * The whole life of a complaint in Chromium (docs/adr/0056–0058): a citizen
 * files it with JavaScript off and is told a signed letter is still needed,
 * sends its scan from the look-up page; the head records the letter,
 * accepts, extends with a reason, answers and closes; the citizen follows
 * each step on the look-up page and in each mail, rates the answer there,
 * and the rating is in `npm run report -- --format json` and on /thong-ke/.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE_PDF = path.join(ROOT, 'tests/fixtures/files/sample.pdf');
const run = promisify(execFile);

describe.skipIf(!chromiumAvailable)('a complaint from filing to rating, in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-tron-doi-'));
  const database = path.join(dir, 'congso.sqlite');
  let t: CaseTestApp;
  let smtp: SmtpSink;
  let served: ServedApp;
  let server: RunningServer;
  let chromium: Chromium;
  let origin: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createCaseTestApp({
      storage: openSqliteStorage({ path: database }),
      cases: {
        powDifficulty: 8,
        mail: { smtp: { host: '127.0.0.1', port: smtp.port }, from: 'khong-tra-loi@sotuphap.thuathienhue.gov.vn' },
      },
    });
    served = await serveToChromium(t);
    ({ server, chromium, origin } = served);
  });
  afterAll(async () => {
    await served?.close();
    await smtp?.close();
    await t?.storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the citizen reads in the mail box, oldest first. */
  async function mails(): Promise<string[]> {
    await t.cases.notifier.idle();
    return smtp.messages.filter((m) => m.to.includes(COMPLAINT.email)).map((m) => m.text);
  }

  const steps = (page: Page) =>
    page.$$eval('.dv-timeline li strong', (nodes) => nodes.map((n) => n.textContent!.trim()));

  it('is filed, followed, decided and rated, and the rating is counted', async () => {
    // 1. The citizen files the complaint with JavaScript off, and is told the signed letter is still needed.
    const citizenContext = await chromium.newContext({ javaScriptEnabled: false });
    const citizen = await citizenContext.newPage();
    await fillComplaint(citizen, origin, 'khieu-nai', [
      'fullName',
      'address',
      'idNumber',
      'phone',
      'email',
      'respondentName',
      'respondentAddress',
      'content',
      'reasons',
      'request',
    ]);
    await citizen.click('button[type=submit]');
    await citizen.waitForSelector('[data-ma-bi-mat]');
    const code = (await citizen.textContent('[data-ma-ho-so]'))!.trim();
    const secret = (await citizen.textContent('[data-ma-bi-mat]'))!.trim();
    expect(await citizen.textContent('[data-can-don-ky]')).toMatch(/ký tên hoặc điểm chỉ/);
    expect((await mails())[0]).toMatch(/Luật Khiếu nại năm 2011 \(Điều 8\)/);

    // 2. On the look-up page, the scan of the signed letter.
    await lookUp(citizen, origin, code, secret);
    expect(await citizen.textContent('[data-tiep-theo]')).toContain('gửi đơn có chữ ký');
    await citizen.setInputFiles('#tep-gui-don-ky', SAMPLE_PDF);
    await citizen.click('#gui-don-ky ~ form button[type=submit]');
    await citizen.waitForSelector('text=đã gửi bản chụp đơn có chữ ký');

    // 3. The head records the letter, accepts, extends with a reason, answers and closes.
    const office = await headPage(chromium, t, origin, server.port);
    const record = (await t.storage.cases.findByTrackingCode(code))!;
    await office.goto(`${origin}/quan-tri/ho-so/${record.id}`);
    const act = async (action: string) =>
      Promise.all([office.waitForNavigation(), office.click(`button[data-hanh-dong="${action}"]`)]);
    await office.selectOption('#receiveSignedLetter-qua', 'ban-chup');
    await act('receiveSignedLetter');
    expect(await office.textContent('[data-don-ky]')).toMatch(/^Đã nhận ngày/);
    await act('accept');
    await office.waitForSelector('[data-trang-thai="accepted"]');
    const dueBefore = (await office.textContent('#han-giai-quyet'))!;
    await office.fill(
      '#declareComplex-tra-loi',
      'Vụ việc phức tạp: phải xác minh tại hai phường, nên gia hạn theo Điều 28 Luật Khiếu nại.',
    );
    await act('declareComplex');
    expect(await office.textContent('#han-giai-quyet')).not.toBe(dueBefore);
    await office.fill('#resolve-tra-loi', 'Cơ quan đã xem xét và huỷ quyết định xử phạt bị khiếu nại.');
    await act('resolve');
    await office.waitForSelector('[data-trang-thai="resolved"]');

    // 4. The citizen reads every step, with its date and the deadline it set, and the answer.
    await lookUp(citizen, origin, code, secret);
    expect(await steps(citizen)).toEqual([
      'Đã nhận đơn trực tuyến',
      'Công dân đã gửi bản chụp đơn có chữ ký',
      'Cơ quan đã nhận đơn có chữ ký',
      'Đã thụ lý',
      'Vụ việc phức tạp: gia hạn thời hạn giải quyết',
      'Đã giải quyết, có trả lời',
      'Hồ sơ đã kết thúc',
    ]);
    const timeline = (await citizen.textContent('.dv-timeline'))!;
    expect(timeline).toContain('phải xác minh tại hai phường');
    expect(timeline).toMatch(/Hạn mới: đến hết ngày \d\d\/\d\d\/\d{4}\./);
    expect(await citizen.textContent('#tra-loi + p')).toContain('huỷ quyết định xử phạt');
    expect(await citizen.textContent('[data-tiep-theo]')).toMatch(/^Hồ sơ đã kết thúc ngày/);

    // 5. One mail at each step, each saying what happened and, while a clock runs, until when.
    const received = await mails();
    expect(received).toHaveLength(5);
    expect(received[1]).toMatch(/Cơ quan đã nhận đơn có chữ ký[\s\S]*Thời hạn đang tính: đến hết ngày/);
    expect(received[2]).toMatch(/Đã thụ lý[\s\S]*Thời hạn đang tính/);
    expect(received[3]).toMatch(/Vụ việc phức tạp: gia hạn thời hạn giải quyết[\s\S]*phải xác minh tại hai phường/);
    expect(received[4]).toMatch(/huỷ quyết định xử phạt[\s\S]*đánh giá mức độ hài lòng[\s\S]*\/danh-gia\//);

    // 6. The look-up page prints as a receipt: the case and its steps, not the forms.
    await citizen.emulateMedia({ media: 'print' });
    expect(await citizen.isVisible('.dv-timeline')).toBe(true);
    expect(await citizen.isVisible('form[action="/tra-cuu/danh-gia"]')).toBe(false);
    await citizen.emulateMedia({ media: 'screen' });

    // 7. Four other citizens rated their closed cases this month: a fifth rating makes the counts public.
    for (let i = 0; i < 4; i += 1) {
      const other = aCase({
        id: randomUUID(),
        trackingCode: `STP-2026-DG${i}A-A${i}`,
        kind: 'phan-anh',
        status: 'resolved',
        receivedAt: t.clock() - 86_400_000,
        closedAt: t.clock() - 3_600_000,
        dueAt: null,
      });
      await t.storage.cases.create({
        record: other,
        event: aSubmitEvent(other.receivedAt),
        attachments: [],
        idempotencyKeyHash: null,
      });
      await t.storage.caseRatings.add({
        caseId: other.id,
        departmentId: 'sotuphap',
        service: 'khieu-nai-to-cao',
        score: 5,
        comment: null,
        channel: 'lookup',
        ratedAt: t.clock(),
      });
    }

    // 8. The citizen rates the answer on the look-up page.
    await citizen.check('#truong-score-5');
    await citizen.fill('#truong-comment', 'Cán bộ giải quyết đúng hạn và trả lời rõ ràng.');
    await citizen.click('form[action="/tra-cuu/danh-gia"] button[type=submit]');
    await citizen.waitForSelector('[data-danh-gia]');
    expect(await citizen.textContent('[data-danh-gia]')).toContain('đã đánh giá 5/5 – Rất hài lòng');
    await office.reload();
    expect(await office.textContent('[data-danh-gia]')).toBe('5/5 – Rất hài lòng');
    // The mail's link says it is done: once per case.
    const link = /\/danh-gia\/\S+/.exec(received[4]!)![0];
    await citizen.goto(`${origin}${link}`);
    expect(await citizen.textContent('[data-danh-gia]')).toContain('đã đánh giá 5/5');

    // 9. The usage report from the command line, on the same database.
    const { stdout } = await run(
      process.execPath,
      [
        'scripts/report.ts',
        '--period',
        '2026-01',
        '--site',
        'sotuphap',
        '--format',
        'json',
        '--now',
        '2026-01-31T12:00:00+07:00',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SQLITE_PATH: database, DATABASE_URL: '' },
      },
    );
    const report = JSON.parse(stdout) as UsageReport;
    const complaints = report.sites[0]!.services.find((s) => s.service === 'khieu-nai-to-cao')!;
    expect(complaints).toMatchObject({
      rateable: 5,
      rated: 5,
      responseRate: 100,
      averageRating: 5,
      ratings: [0, 0, 0, 0, 5],
    });

    // 10. And on the department's public statistics, computed from what was closed before the moment it is made.
    t.clock.advance(3_600_000);
    await citizen.goto(`${origin}/thong-ke/`);
    const row = await citizen.$$eval('#muc-do-hai-long ~ table tbody tr', (rows) =>
      rows
        .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
        .find((cells) => cells[0]!.startsWith('Khiếu nại')),
    );
    expect(row).toEqual(['Khiếu nại, tố cáo, phản ánh, kiến nghị', '5', '5', '100%', '0', '0', '0', '0', '5']);
    await citizenContext.close();
    await office.context().close();
  });

  it('has no WCAG 2.1 AA violations on the look-up timeline with its forms', async () => {
    const context = await chromium.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await fillComplaint(page, origin, 'to-cao', [
      'fullName',
      'address',
      'idNumber',
      'phone',
      'email',
      'respondentName',
      'content',
    ]);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-ma-bi-mat]');
    // Submitted in place by the script, the receipt says what the law still asks, as the server's page does.
    expect(await page.textContent('[data-can-don-ky]')).toMatch(/Luật Tố cáo năm 2018 \(Điều 23\)/);
    expect(await wcagViolations(page)).toEqual([]);
    const code = (await page.textContent('[data-ma-ho-so]'))!.trim();
    const secret = (await page.textContent('[data-ma-bi-mat]'))!.trim();
    await lookUp(page, origin, code, secret);
    expect(await wcagViolations(page)).toEqual([]);
    await context.close();
  });
});

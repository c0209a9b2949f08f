import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '#src/calendar/working-days.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { UsageReport } from '#server/reports/usage-report.ts';
import { errorCode } from '../accounts/support.ts';
import { STORAGE_KINDS } from '../security/support.ts';
import { Browser, createCaseTestApp, solvedPow, type CaseTestApp } from './case-support.ts';

/**
 * The sixth online service (docs/adr/0048): a request for information under
 * Luật Tiếp cận thông tin 2016, from the form to the answer, over HTTP on
 * both storage adapters, with the limits the law sets counted on the 2026
 * calendar by hand: received on Monday 5/1/2026, available information is
 * due by Thursday 8/1 (3 working days), the answer by Monday 19/1 (10), and
 * after the one extension by Monday 2/2 (10 more).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const PASSWORD = 'sông Hương chiều thu';
const DAY = 86_400_000;

const REQUEST = {
  fullName: 'Lê Văn Thành',
  address: '27 Phan Đình Phùng, phường Vĩnh Ninh, thành phố Huế',
  idNumber: '046190004321',
  email: 'thanh@example.com',
  information: 'Kế hoạch kiểm tra công tác hộ tịch năm 2026 của Sở Tư pháp và danh sách đơn vị được kiểm tra.',
  purpose: '',
  delivery: 'thu-dien-tu',
  consent: 'on',
};

const day = (instant: number | null | undefined) => (instant == null ? null : vietnamDate(new Date(instant)));

async function lifeOfRequests(t: CaseTestApp) {
  let ip = 0;
  const citizen = () => new Browser(t, 'sotuphap.localhost', `203.0.113.${(ip += 1)}`);
  const created = await t.addAccount('Nguyễn Văn An', 'head');
  const head = new Browser(t, 'sotuphap.localhost', '192.0.2.1');
  await head.signInFully(created.username, created.password, PASSWORD);
  let signedInAt = t.clock();
  /** The test moves the clock by days; the head signs in again as a person would after a night. */
  async function headBrowser(): Promise<Browser> {
    if (t.clock() - signedInAt > 20 * 60_000) {
      expect((await head.signIn(created.username, PASSWORD)).status).toBe(303);
      signedInAt = t.clock();
    }
    return head;
  }

  async function file(body: Record<string, string> = REQUEST) {
    const browser = citizen();
    const response = await browser.request('/dich-vu/tiep-can-thong-tin', {
      json: { ...body, ...(await solvedPow(browser, 'tiep-can-thong-tin')) },
      headers: { accept: 'application/json' },
    });
    return response;
  }
  async function filed(body: Record<string, string> = REQUEST) {
    const response = await file(body);
    expect(response.status, await response.clone().text()).toBe(201);
    const receipt = (await response.json()) as { trackingCode: string; secret: string };
    return { ...receipt, record: (await t.storage.cases.findByTrackingCode(receipt.trackingCode))! };
  }
  async function attempt(caseId: string, slug: string, form: Record<string, string> = {}) {
    const record = await t.storage.cases.findById(caseId);
    return (await headBrowser()).request(`/quan-tri/ho-so/${caseId}/${slug}`, {
      form: { version: String(record!.version), ...form },
      headers: { accept: 'application/json' },
    });
  }
  async function act(caseId: string, slug: string, form: Record<string, string> = {}) {
    const response = await attempt(caseId, slug, form);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await t.storage.cases.findById(caseId))!;
  }
  const lookup = async (code: string, secret: string) =>
    (await (
      await citizen().request('/tra-cuu/', { json: { code, secret }, headers: { accept: 'application/json' } })
    ).json()) as {
      status: string;
      events: Array<{ action: string; dueAt: number | null; publicText: string | null }>;
    };
  return { file, filed, attempt, act, lookup };
}

describe.each(STORAGE_KINDS)('a request for information ($name)', (kind) => {
  let t: CaseTestApp;
  let flow: Awaited<ReturnType<typeof lifeOfRequests>>;
  beforeAll(async () => {
    t = await createCaseTestApp({ storage: await kind.open() });
    flow = await lifeOfRequests(t);
  });
  afterAll(async () => {
    await t?.storage.close();
  });

  it('refuses a request without the requester’s identity number or the information asked for, naming the fields', async () => {
    const response = await flow.file({ ...REQUEST, idNumber: '', information: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; data: { issues: Array<{ field: string }> } } };
    expect(body.error.code).toBe('E_INVALID_INPUT');
    expect(body.error.data.issues.map((i) => i.field).sort()).toEqual(['idNumber', 'information']);
  });

  it('is received with 3 working days for available information, accepted with 10 from receipt, extended once by 10 with a notice, then answered', async () => {
    const { trackingCode, secret, record } = await flow.filed();
    expect(record.service).toBe('tiep-can-thong-tin');
    expect(day(record.receivedAt)).toBe('2026-01-05');
    expect(day(record.acceptDueAt)).toBe('2026-01-08');
    expect(record.dueAt).toBe(record.acceptDueAt);

    t.clock.advance(DAY);
    const accepted = await flow.act(record.id, 'thu-ly');
    expect(accepted.status).toBe('accepted');
    // Counted from the receipt of the valid request, not from the day of the notice.
    expect(day(accepted.resolveDueAt)).toBe('2026-01-19');
    expect(accepted.dueAt).toBe(accepted.resolveDueAt);

    const noReason = await flow.attempt(record.id, 'gia-han');
    expect(await errorCode(noReason)).toBe('E_REASON_REQUIRED');
    const extended = await flow.act(record.id, 'gia-han', {
      publicText: 'Thông tin phải tập hợp từ ba phòng chuyên môn.',
    });
    expect(extended.extensions).toBe(1);
    expect(day(extended.resolveDueAt)).toBe('2026-02-02');
    expect(await errorCode(await flow.attempt(record.id, 'gia-han', { publicText: 'Lần hai.' }))).toBe(
      'E_EXTENSION_NOT_ALLOWED',
    );

    t.clock.advance(3 * DAY);
    const answered = await flow.act(record.id, 'giai-quyet', {
      publicText: 'Cơ quan gửi kèm Kế hoạch số 12/KH-STP ngày 02/01/2026.',
    });
    expect(answered.status).toBe('resolved');
    expect(answered.closedAt).toBe(t.clock());
    expect(answered.dueAt).toBeNull();

    const seen = await flow.lookup(trackingCode, secret);
    expect(seen.events.map((e) => e.action)).toEqual(['submit', 'accept', 'extend', 'resolve']);
    expect(seen.events.find((e) => e.action === 'extend')).toMatchObject({
      publicText: 'Thông tin phải tập hợp từ ba phòng chuyên môn.',
      dueAt: extended.resolveDueAt,
    });
  });

  it('gives available information at once, and refuses only in writing with the reasons (Điều 28)', async () => {
    const quick = await flow.filed();
    expect(
      (await flow.act(quick.record.id, 'giai-quyet', { publicText: 'Thông tin đã đăng tại mục Văn bản.' })).status,
    ).toBe('resolved');

    const refused = await flow.filed();
    expect(await errorCode(await flow.attempt(refused.record.id, 'tu-choi'))).toBe('E_REASON_REQUIRED');
    const rejected = await flow.act(refused.record.id, 'tu-choi', {
      publicText: 'Thông tin thuộc bí mật nhà nước (Điều 6).',
    });
    expect(rejected.status).toBe('rejected');
    expect((await flow.lookup(refused.trackingCode, refused.secret)).events.at(-1)).toMatchObject({
      action: 'reject',
      publicText: 'Thông tin thuộc bí mật nhà nước (Điều 6).',
    });
  });
});

describe('a request for information in the usage report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-tctt-'));
  const database = path.join(dir, 'congso.sqlite');
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await createCaseTestApp({ storage: openSqliteStorage({ path: database }) });
  });
  afterAll(async () => {
    await t?.storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is counted in `npm run report` like the other services: received, accepted, resolved on time', async () => {
    const flow = await lifeOfRequests(t);
    const { record } = await flow.filed();
    await flow.act(record.id, 'thu-ly');
    t.clock.advance(2 * DAY);
    await flow.act(record.id, 'giai-quyet', { publicText: 'Cơ quan gửi kèm thông tin được yêu cầu.' });
    await flow.filed();
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
    const row = report.sites[0]!.services.find((s) => s.service === 'tiep-can-thong-tin')!;
    expect(row).toMatchObject({
      label: 'Yêu cầu cung cấp thông tin',
      received: 2,
      accepted: 1,
      resolved: 1,
      resolvedOnTime: 1,
      resolvedLate: 0,
      overdueNow: 1,
    });
  });
});

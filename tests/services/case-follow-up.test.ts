import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '#src/calendar/working-days.ts';
import { STORAGE_KINDS } from '../security/support.ts';
import { errorCode } from '../accounts/support.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import {
  Browser,
  COMPLAINT,
  createCaseTestApp,
  DENUNCIATION,
  fixture,
  multipart,
  solvedPow,
  type CaseTestApp,
} from './case-support.ts';

/**
 * What happens around a case once it is filed (docs/adr/0056–0059): the
 * signed letter, decisions on deadlines told to the citizen, the rating of a
 * closed case by look-up or by the mail's link, and disposal by the head's
 * decision only. Over HTTP, on both storage adapters.
 */
const DAY = 86_400_000;

describe.each(STORAGE_KINDS)('around a case ($name)', (kind) => {
  let t: CaseTestApp;
  let smtp: SmtpSink;
  let ip = 0;
  const citizen = () => new Browser(t, 'sotuphap.localhost', `203.0.113.${(ip += 1)}`);
  let head: { id: string; username: string; browser: Browser; signedInAt: number };
  const PASSWORD = 'sông Hương chiều thu';
  /** The tests move the clock by days; the head signs in again as a person would after a night. */
  async function headBrowser(): Promise<Browser> {
    if (t.clock() - head.signedInAt > 20 * 60_000) {
      expect((await head.browser.signIn(head.username, PASSWORD)).status).toBe(303);
      head.signedInAt = t.clock();
    }
    return head.browser;
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createCaseTestApp({
      storage: await kind.open(),
      cases: {
        mail: { smtp: { host: '127.0.0.1', port: smtp.port }, from: 'khong-tra-loi@sotuphap.gov.vn' },
        retentionDays: 365,
      },
    });
    const created = await t.addAccount('Nguyễn Văn An', 'head');
    const browser = new Browser(t, 'sotuphap.localhost', '192.0.2.1');
    await browser.signInFully(created.username, created.password, PASSWORD);
    head = { id: created.id, username: created.username, browser, signedInAt: t.clock() };
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.storage.close();
  });

  async function file(body: Record<string, string>) {
    const browser = citizen();
    const response = await browser.request('/dich-vu/khieu-nai-to-cao', {
      json: { ...body, ...(await solvedPow(browser, 'khieu-nai-to-cao')) },
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as {
      trackingCode: string;
      secret: string;
      signedLetterRequired: boolean;
      stillToDo: string[];
    };
    return { ...receipt, record: (await t.storage.cases.findByTrackingCode(receipt.trackingCode))! };
  }
  async function act(caseId: string, slug: string, form: Record<string, string> = {}) {
    const record = await t.storage.cases.findById(caseId);
    const response = await (await headBrowser()).request(`/quan-tri/ho-so/${caseId}/${slug}`, {
      form: { version: String(record!.version), ...form },
      headers: { accept: 'application/json' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return t.storage.cases.findById(caseId);
  }
  const lookup = async (code: string, secret: string) =>
    (await (
      await citizen().request('/tra-cuu/', { json: { code, secret }, headers: { accept: 'application/json' } })
    ).json()) as Record<string, unknown> & {
      events: Array<{ action: string; dueAt: number | null; publicText: string | null }>;
    };
  const mailsTo = async (code: string) => {
    await t.cases.notifier.idle();
    return smtp.messages.filter((m) => m.text.includes(code));
  };

  it('tells the sender what a complaint still needs, takes the signed letter’s scan, and counts acceptance from its upload', async () => {
    const { trackingCode, secret, signedLetterRequired, stillToDo, record } = await file(COMPLAINT);
    expect(signedLetterRequired).toBe(true);
    expect(stillToDo.join(' ')).toMatch(/ký tên hoặc điểm chỉ/);
    expect(record.dueAt).toBeNull();
    expect((await mailsTo(trackingCode))[0]!.text).toMatch(/Luật Khiếu nại năm 2011 \(Điều 8\)/);
    const page = await (await citizen().request('/tra-cuu/', { form: { code: trackingCode, secret } })).text();
    expect(page).toContain('data-can-don-ky');
    expect(page).toContain('action="/tra-cuu/don-ky"');

    t.clock.advance(DAY);
    const uploadedAt = t.clock();
    const form = multipart({ code: trackingCode, secret }, [{ name: 'don-da-ky.pdf', bytes: fixture('sample.pdf') }]);
    const sent = await t.app.request(
      'http://sotuphap.localhost/tra-cuu/don-ky',
      { method: 'POST', body: form, headers: { origin: 'http://sotuphap.localhost', accept: 'application/json' } },
      { incoming: { socket: { remoteAddress: '198.51.100.90' } } },
    );
    expect(sent.status).toBe(200);
    expect(await t.storage.cases.attachments(record.id)).toHaveLength(1);

    t.clock.advance(2 * DAY);
    const received = await act(record.id, 'nhan-don-ky', { letterVia: 'ban-chup' });
    expect(received!.signedLetterAt).toBe(uploadedAt);
    expect(received!.dueAt).toBe(received!.acceptDueAt);
    const mails = await mailsTo(trackingCode);
    expect(mails.at(-1)!.text).toMatch(/Cơ quan đã nhận đơn có chữ ký/);
    expect(mails.at(-1)!.text).toContain(
      `đến hết ngày ${vietnamDate(new Date(received!.acceptDueAt)).split('-').reverse().join('/')}`,
    );
    const after = await lookup(trackingCode, secret);
    expect(after.signedLetterRequired).toBe(false);
    expect(after.events.find((e) => e.action === 'receiveSignedLetter')!.dueAt).toBe(received!.acceptDueAt);
  });

  it('sends each extension to the denouncer with its reason and new date, and shows it on the look-up page', async () => {
    const { trackingCode, secret, record } = await file(DENUNCIATION);
    await act(record.id, 'nhan-don-ky', { letterVia: 'ban-giay' });
    const accepted = await act(record.id, 'thu-ly');
    const extended = await act(record.id, 'gia-han', { publicText: 'Vụ việc phức tạp: phải xác minh tại hai xã.' });
    expect(extended!.extensions).toBe(1);
    expect(extended!.resolveDueAt).toBeGreaterThan(accepted!.resolveDueAt!);
    const mail = (await mailsTo(trackingCode)).at(-1)!.text;
    expect(mail).toMatch(/Gia hạn thời hạn giải quyết/);
    expect(mail).toContain('Vụ việc phức tạp: phải xác minh tại hai xã.');
    const step = (await lookup(trackingCode, secret)).events.find((e) => e.action === 'extend')!;
    expect(step).toMatchObject({
      publicText: 'Vụ việc phức tạp: phải xác minh tại hai xã.',
      dueAt: extended!.resolveDueAt,
    });
    await act(record.id, 'gia-han', { publicText: 'Vụ việc đặc biệt phức tạp.' });
    const third = await (await headBrowser()).request(`/quan-tri/ho-so/${record.id}/gia-han`, {
      form: { version: String((await t.storage.cases.findById(record.id))!.version), publicText: 'Lần ba.' },
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(third)).toBe('E_EXTENSION_NOT_ALLOWED');
  });

  it('lets the citizen rate a closed case once from the look-up page, and shows the officer the rating', async () => {
    const { trackingCode, secret, record } = await file({ ...COMPLAINT, kind: 'phan-anh' });
    const notYet = await citizen().request('/tra-cuu/danh-gia', {
      json: { code: trackingCode, secret, score: '4' },
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(notYet)).toBe('E_RATING_NOT_OPEN');
    await act(record.id, 'thu-ly');
    await act(record.id, 'giai-quyet', { publicText: 'Đã sửa biển báo theo phản ánh.' });
    const rate = (body: Record<string, string>) =>
      citizen().request('/tra-cuu/danh-gia', {
        json: { code: trackingCode, secret, ...body },
        headers: { accept: 'application/json' },
      });
    expect(await errorCode(await rate({ score: '9' }))).toBe('E_INVALID_INPUT');
    const rated = await rate({ score: '4', comment: 'Cán bộ trả lời rõ ràng.' });
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as { rating: unknown }).rating).toMatchObject({
      score: 4,
      comment: 'Cán bộ trả lời rõ ràng.',
    });
    expect(await errorCode(await rate({ score: '1' }))).toBe('E_ALREADY_RATED');
    expect((await t.storage.caseRatings.find(record.id))!.score).toBe(4);
    const page = await (await (await headBrowser()).request(`/quan-tri/ho-so/${record.id}`)).text();
    expect(page).toContain('4/5 – Hài lòng');
    expect(page).toContain('Cán bộ trả lời rõ ràng.');
  });

  it('puts a one-time rating link in the closing mail that works without signing in, for 30 days', async () => {
    const { trackingCode, record } = await file({ ...COMPLAINT, kind: 'kien-nghi' });
    await act(record.id, 'thu-ly');
    await act(record.id, 'giai-quyet', { publicText: 'Kiến nghị đã được tiếp thu.' });
    const link = /https:\/\/sotuphap\.thuathienhue\.gov\.vn(\/danh-gia\/[^\s]+)/.exec(
      (await mailsTo(trackingCode)).at(-1)!.text,
    )![1]!;
    const form = await citizen().request(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="score"');
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await errorCode(await citizen().request(forged, { form: { score: '5' } }))).toBe('E_RATING_LINK_INVALID');
    const sent = await citizen().request(link, { form: { score: '2', comment: 'Chậm.' } });
    expect(sent.status).toBe(201);
    expect(await t.storage.caseRatings.find(record.id)).toMatchObject({ score: 2, channel: 'mail-link' });
    expect(
      await errorCode(await citizen().request(link, { form: { score: '5' }, headers: { accept: 'application/json' } })),
    ).toBe('E_ALREADY_RATED');
    expect(await (await citizen().request(link)).text()).toContain('đã đánh giá 2/5');

    const late = await file({ ...COMPLAINT, kind: 'kien-nghi' });
    await act(late.record.id, 'thu-ly');
    await act(late.record.id, 'giai-quyet', { publicText: 'Đã trả lời.' });
    const lateLink = /(\/danh-gia\/[^\s]+)/.exec((await mailsTo(late.trackingCode)).at(-1)!.text)![1]!;
    t.clock.advance(31 * DAY);
    expect(
      await errorCode(
        await citizen().request(lateLink, { form: { score: '5' }, headers: { accept: 'application/json' } }),
      ),
    ).toBe('E_RATING_NOT_OPEN');
  });

  it('destroys closed cases past retention only when the head approves the list, and keeps the list and the audit line', async () => {
    const { record } = await file({ ...COMPLAINT, kind: 'phan-anh' });
    await act(record.id, 'tu-choi', { publicText: 'Không thuộc thẩm quyền.' });
    const open = await file({ ...COMPLAINT, kind: 'phan-anh' });
    t.clock.advance(366 * DAY);
    expect(await t.cases.sweep()).toBe(1);
    expect(await t.storage.cases.findById(record.id)).not.toBeNull();
    // A second run proposes nothing new while the list waits.
    await t.cases.sweep();
    const page = await (await (await headBrowser()).request('/quan-tri/ho-so/huy')).text();
    expect(page).toContain(record.trackingCode);
    expect(page).not.toContain(open.trackingCode);
    const [list] = await t.storage.caseDisposals.list('sotuphap', 10);

    const officer = await t.addAccount('Cán Bộ Khác', 'editor');
    const other = new Browser(t, 'sotuphap.localhost', '192.0.2.77');
    await other.signInFully(officer.username, officer.password);
    expect(
      await errorCode(
        await other.request(`/quan-tri/ho-so/huy/${list!.id}`, { form: {}, headers: { accept: 'application/json' } }),
      ),
    ).toBe('E_CASE_PERMISSION');
    expect(await t.storage.cases.findById(record.id)).not.toBeNull();

    const approved = await (await headBrowser()).request(`/quan-tri/ho-so/huy/${list!.id}`, { form: {} });
    expect(approved.status).toBe(303);
    expect(await t.storage.cases.findById(record.id)).toBeNull();
    expect(await t.storage.cases.findById(open.record.id)).not.toBeNull();
    expect(await t.storage.caseDisposals.find(list!.id)).toMatchObject({ status: 'approved', approvedBy: head.id });
    const [audit] = await t.storage.audit.list({
      departmentId: 'sotuphap',
      limit: 1,
      actions: ['case-disposal-approved'],
    });
    expect(audit!.details.cases).toContain(record.trackingCode);
    expect(await (await (await headBrowser()).request('/quan-tri/ho-so/huy')).text()).toContain(record.trackingCode);
    expect(
      await errorCode(
        await (await headBrowser()).request(`/quan-tri/ho-so/huy/${list!.id}`, {
          form: {},
          headers: { accept: 'application/json' },
        }),
      ),
    ).toBe('E_DISPOSAL_DECIDED');
  });
});

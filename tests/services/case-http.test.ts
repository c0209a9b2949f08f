import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadingZeroBits, workDigest } from '#server/citizen-services/proof-of-work.ts';
import { openPostgresStorage } from '#server/platform/storage/postgres/postgres-storage.ts';
import {
  dropSchemas,
  postgresAvailable,
  TEST_DATABASE_URL,
  uniqueSchemaName,
} from '#server/platform/storage/postgres/test-database.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { errorCode } from '../accounts/support.ts';
import { encodeTcvn3 } from '../text/helpers/legacy-encoders.ts';
import {
  Browser,
  COMPLAINT,
  createCaseTestApp,
  DENUNCIATION,
  fixture,
  mailText,
  multipart,
  solvedPow,
  startSmtpServer,
  type CaseTestApp,
} from './case-support.ts';

const pgAvailable = await postgresAvailable();
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

const ADAPTERS: Array<[string, () => Storage | Promise<Storage>, boolean]> = [
  ['SQLite', () => openSqliteStorage({ path: ':memory:' }), true],
  [
    'PostgreSQL',
    () => {
      const schema = uniqueSchemaName();
      schemas.push(schema);
      return openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
    },
    pgAvailable,
  ],
];

const KEY = () => `k${crypto.randomUUID().replace(/-/g, '')}`;

async function postMultipart(t: CaseTestApp, path: string, form: FormData, ip = '198.51.100.7', accept = 'text/html') {
  return t.app.request(
    `http://sotuphap.localhost${path}`,
    { method: 'POST', body: form, headers: { origin: 'http://sotuphap.localhost', accept } },
    {
      incoming: { socket: { remoteAddress: ip } },
    },
  );
}

describe.each(ADAPTERS)('online services over HTTP (%s)', (_name, open, available) => {
  let t: CaseTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ipCounter = 0;
  /** A fresh address per citizen, so per-address limits only bite where a test means them to. */
  const citizen = () => new Browser(t, 'sotuphap.localhost', `203.0.113.${(ipCounter += 1)}`);

  beforeAll(async () => {
    if (!available) return;
    smtp = await startSmtpServer();
    t = await createCaseTestApp({
      storage: await open(),
      cases: { mail: { smtp: { host: '127.0.0.1', port: smtp.port }, from: 'khong-tra-loi@sotuphap.gov.vn' } },
    });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.storage.close();
  });

  async function file(body: Record<string, string>, service = 'khieu-nai-to-cao', browser = citizen()) {
    const response = await browser.request(`/dich-vu/${service}`, {
      json: { ...body, ...(await solvedPow(browser, service)) },
      headers: { accept: 'application/json' },
    });
    return {
      response,
      body: (await response.json()) as Record<string, unknown> & { trackingCode: string; secret: string },
    };
  }

  let theHead: Awaited<ReturnType<typeof newOfficer>> | undefined;
  /** Điều 17: one head per department, shared by every test. */
  async function officer(role: 'head' | 'editor' | 'deputy', name: string, services: string[] = []) {
    if (role === 'head') return (theHead ??= await newOfficer('head', 'Nguyễn Văn An', []));
    return newOfficer(role, name, services);
  }
  async function newOfficer(role: 'head' | 'editor' | 'deputy', name: string, services: string[]) {
    const created = await t.addAccount(name, role);
    const browser = new Browser(t, 'sotuphap.localhost', `192.0.2.${(ipCounter += 1)}`);
    await browser.signInFully(created.username, created.password);
    if (services.length) await t.storage.serviceGrants.set('sotuphap', created.id, services as never);
    return { ...created, browser };
  }

  async function act(browser: Browser, caseId: string, slug: string, form: Record<string, string> = {}) {
    const record = await t.storage.cases.findById(caseId);
    return browser.request(`/quan-tri/ho-so/${caseId}/${slug}`, {
      form: { version: String(record!.version), ...form },
    });
  }

  describe.skipIf(!available)('filing', () => {
    it('files a complaint without JavaScript and shows the code and secret on a server-rendered page', async () => {
      const browser = citizen();
      const form = await browser.request('/dich-vu/khieu-nai-to-cao');
      const page = await form.text();
      const key = /name="idempotency-key" value="([^"]+)"/.exec(page)![1]!;
      expect(page).toContain('Thông báo về xử lý dữ liệu cá nhân');
      const response = await browser.request('/dich-vu/khieu-nai-to-cao', {
        form: { ...COMPLAINT, 'idempotency-key': key, homepage: '' },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      const code = /data-ma-ho-so>([^<]+)</.exec(html)![1]!;
      expect(code).toMatch(/^STP-20\d\d-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(html).toMatch(/data-ma-bi-mat>[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}</);
      const stored = await t.storage.cases.findByTrackingCode(code);
      expect(stored).toMatchObject({
        service: 'khieu-nai-to-cao',
        kind: 'khieu-nai',
        status: 'submitted',
        departmentId: 'sotuphap',
      });
      expect(stored!.payload).not.toHaveProperty('homepage');
    });

    it('converts text pasted in TCVN3 to Unicode, tells the citizen, and keeps the original in the case history (Điều 8)', async () => {
      const pasted = encodeTcvn3(COMPLAINT.content);
      expect(pasted).not.toBe(COMPLAINT.content);
      const browser = citizen();
      const form = await browser.request('/dich-vu/khieu-nai-to-cao');
      const key = /name="idempotency-key" value="([^"]+)"/.exec(await form.text())![1]!;
      const response = await browser.request('/dich-vu/khieu-nai-to-cao', {
        form: { ...COMPLAINT, content: pasted, 'idempotency-key': key, homepage: '' },
      });
      expect(response.status).toBe(201);
      const html = await response.text();
      expect(html).toContain('Nội dung');
      expect(html).toMatch(/TCVN3/);
      const code = /data-ma-ho-so>([^<]+)</.exec(html)![1]!;
      const stored = await t.storage.cases.findByTrackingCode(code);
      expect(stored!.payload.content).toBe(COMPLAINT.content);
      const [submitted] = await t.storage.cases.events(stored!.id);
      expect(submitted!.details.converted).toEqual([{ field: 'content', encoding: 'tcvn3', original: pasted }]);

      const json = await file({ ...COMPLAINT, content: pasted });
      expect(json.body.conversions).toEqual([{ field: 'content', message: expect.stringMatching(/TCVN3/) }]);
    });

    it('answers each invalid field with its own Vietnamese message, as JSON and on the re-rendered form', async () => {
      const browser = citizen();
      const { response, body } = await file({
        ...COMPLAINT,
        fullName: 'X',
        idNumber: '123',
        email: 'khong-phai-email',
        content: 'ngắn',
        consent: '',
      });
      expect(response.status).toBe(400);
      const issues = (
        body as unknown as {
          error: { code: string; data: { issues: Array<{ field: string; problem: string; message: string }> } };
        }
      ).error;
      expect(issues.code).toBe('E_INVALID_INPUT');
      const byField = Object.fromEntries(issues.data.issues.map((i) => [i.field, i]));
      expect(byField.fullName).toMatchObject({ problem: 'too-short', message: 'Họ và tên phải có ít nhất 2 ký tự.' });
      expect(byField.idNumber).toMatchObject({
        problem: 'invalid-format',
        message: 'Số định danh cá nhân (số căn cước) phải gồm đúng 12 chữ số.',
      });
      expect(byField.email).toMatchObject({ problem: 'invalid-format' });
      expect(byField.content).toMatchObject({ problem: 'too-short' });
      expect(byField.consent).toMatchObject({ problem: 'consent-required' });
      const page = await browser.request('/dich-vu/khieu-nai-to-cao', {
        form: { ...COMPLAINT, fullName: '', phone: '', email: '' },
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('Họ và tên không được để trống.');
      expect(html).toContain('Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ.');
      expect(html).toContain('value="12 Lê Lợi, phường Phú Hội, thành phố Huế"');
    });

    it('stores nothing when the honeypot is filled, the proof of work is wrong or replayed', async () => {
      const before = (await t.storage.cases.list({ departmentId: 'sotuphap', limit: 1000 })).length;
      expect((await file({ ...COMPLAINT, homepage: 'http://spam.example' })).body.error).toMatchObject({
        code: 'E_SPAM_SUSPECTED',
      });
      const browser = citizen();
      const pow = await solvedPow(browser, 'khieu-nai-to-cao');
      // A nonce that surely fails: at 4 bits, one made-up nonce in sixteen would pass by chance.
      let bad = 0;
      while (leadingZeroBits(workDigest(pow['pow-challenge']!, `sai${bad}`)) >= 4) bad += 1;
      const wrong = await browser.request('/dich-vu/khieu-nai-to-cao', {
        json: { ...COMPLAINT, ...pow, 'pow-nonce': `sai${bad}` },
        headers: { accept: 'application/json' },
      });
      expect(['E_POW_INVALID']).toContain(await errorCode(wrong));
      const first = await browser.request('/dich-vu/khieu-nai-to-cao', {
        json: { ...COMPLAINT, ...pow },
        headers: { accept: 'application/json' },
      });
      expect(first.status).toBe(201);
      const replay = await browser.request('/dich-vu/khieu-nai-to-cao', {
        json: { ...COMPLAINT, ...pow },
        headers: { accept: 'application/json' },
      });
      expect(await errorCode(replay)).toBe('E_POW_REPLAYED');
      expect((await t.storage.cases.list({ departmentId: 'sotuphap', limit: 1000 })).length).toBe(before + 1);
    });

    it('refuses a cross-origin post', async () => {
      const browser = citizen();
      const response = await browser.request('/dich-vu/hoi-dap', {
        json: {},
        headers: { origin: 'http://evil.example', accept: 'application/json' },
      });
      expect(await errorCode(response)).toBe('E_CROSS_ORIGIN');
    });

    it('creates one case for a double click or a retry with the same idempotency key, and gives the same secret back', async () => {
      const browser = citizen();
      const key = KEY();
      const send = async () => {
        const response = await browser.request('/dich-vu/hoi-dap', {
          json: {
            fullName: 'Lê Văn Tám',
            email: 'tam@example.com',
            title: 'Hỏi về thủ tục cấp phiếu lý lịch',
            question: 'Tôi cần những giấy tờ gì để xin cấp phiếu lý lịch tư pháp số 2?',
            consent: 'on',
            'idempotency-key': key,
            ...(await solvedPow(browser, 'hoi-dap')),
          },
          headers: { accept: 'application/json' },
        });
        return {
          status: response.status,
          body: (await response.json()) as { trackingCode: string; secret: string; duplicate: boolean },
        };
      };
      const [a, b, c] = await Promise.all([send(), send(), send()]);
      expect([a, b, c].map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect(new Set([a, b, c].map((r) => r.body.trackingCode)).size).toBe(1);
      expect(new Set([a, b, c].map((r) => r.body.secret)).size).toBe(1);
      const lookup = await citizen().request('/tra-cuu/', {
        json: { code: a.body.trackingCode, secret: b.body.secret },
        headers: { accept: 'application/json' },
      });
      expect(lookup.status).toBe(200);
    });

    it('refuses a comment on a consultation that is not open', async () => {
      const body = {
        consultation: 'du-thao-da-dong',
        fullName: 'Trần Bình',
        email: 'binh@example.com',
        comment: 'Đề nghị bổ sung quy định về hỗ trợ hòa giải viên.',
        consent: 'on',
      };
      expect((await file(body, 'gop-y-du-thao')).body.error).toMatchObject({
        code: 'E_CONSULTATION_CLOSED',
        data: { state: 'da-ket-thuc' },
      });
      expect((await file({ ...body, consultation: 'du-thao-dang-mo' }, 'gop-y-du-thao')).response.status).toBe(201);
    });
  });

  describe.skipIf(!available)('files', () => {
    const dossier = {
      applicantType: 'ca-nhan',
      procedureCode: '1.001234',
      fullName: 'Hoàng Thị Mai',
      idNumber: '046190005678',
      address: '3 Hùng Vương, Huế',
      email: 'mai@example.com',
      consent: 'on',
    };

    async function fileDossier(files: Array<{ name: string; bytes: Uint8Array }>, ip?: string) {
      const browser = citizen();
      const pow = await solvedPow(browser, 'ho-so');
      return postMultipart(
        t,
        '/dich-vu/ho-so',
        multipart({ ...dossier, ...pow, 'idempotency-key': KEY() }, files),
        ip ?? browser.ip,
        'application/json',
      );
    }

    it('accepts real documents, stores them outside the web root under server-made names, fsynced', async () => {
      const before = t.storedFiles().length;
      const response = await fileDossier([
        { name: 'to-khai.pdf', bytes: fixture('sample.pdf') },
        { name: 'ảnh căn cước.png', bytes: fixture('sample.png') },
      ]);
      expect(response.status).toBe(201);
      const { trackingCode } = (await response.json()) as { trackingCode: string };
      const record = await t.storage.cases.findByTrackingCode(trackingCode);
      const attachments = await t.storage.cases.attachments(record!.id);
      expect(attachments.map((a) => [a.displayName, a.kind])).toEqual([
        ['to-khai.pdf', 'pdf'],
        ['ảnh căn cước.png', 'png'],
      ]);
      expect(attachments.every((a) => /^[0-9a-f-]{36}\.bin$/.test(a.storedName))).toBe(true);
      expect(t.storedFiles().length).toBe(before + 2);
    });

    it.each([
      ['a PNG renamed .pdf', { name: 'giay-to.pdf', bytes: fixture('png-renamed.pdf') }, 'E_FILE_TYPE_MISMATCH'],
      ['an HTML page named .pdf', { name: 'don.pdf', bytes: fixture('html-page.pdf') }, 'E_UNSUPPORTED_FILE'],
      ['a path-traversal name', { name: '../../etc/passwd.pdf', bytes: fixture('sample.pdf') }, 'E_UNSAFE_FILE_NAME'],
    ])('refuses %s and stores nothing', async (_label, upload, code) => {
      const casesBefore = (await t.storage.cases.list({ departmentId: 'sotuphap', limit: 10_000 })).length;
      const filesBefore = t.storedFiles().length;
      const response = await fileDossier([{ name: 'hop-le.pdf', bytes: fixture('sample.pdf') }, upload]);
      expect(await errorCode(response)).toBe(code);
      expect((await t.storage.cases.list({ departmentId: 'sotuphap', limit: 10_000 })).length).toBe(casesBefore);
      expect(t.storedFiles().length).toBe(filesBefore);
    });

    it('refuses a 200 MB upload before reading it, and stores nothing', async () => {
      const filesBefore = t.storedFiles().length;
      const big = new Uint8Array(200 * 1024 * 1024);
      big.set(fixture('sample.pdf'));
      const response = await fileDossier([{ name: 'lon.pdf', bytes: big }]);
      expect(response.status).toBe(413);
      expect(await errorCode(response)).toBe('E_PAYLOAD_TOO_LARGE');
      expect(t.storedFiles().length).toBe(filesBefore);
    });

    it('lets the citizen add files from the look-up page when asked for a supplement, and only then', async () => {
      const head = await officer('head', 'Trưởng Phòng Hồ Sơ');
      const response = await fileDossier([{ name: 'to-khai.pdf', bytes: fixture('sample.pdf') }]);
      const { trackingCode, secret } = (await response.json()) as { trackingCode: string; secret: string };
      const form = () =>
        multipart({ code: trackingCode, secret }, [{ name: 'bo-sung.pdf', bytes: fixture('sample.pdf') }]);
      expect(
        await errorCode(await postMultipart(t, '/tra-cuu/bo-sung', form(), '198.51.100.50', 'application/json')),
      ).toBe('E_TRANSITION_NOT_ALLOWED');
      const record = await t.storage.cases.findByTrackingCode(trackingCode);
      expect(
        (await act(head.browser, record!.id, 'yeu-cau-bo-sung', { publicText: 'Vui lòng bổ sung bản sao căn cước.' }))
          .status,
      ).toBe(303);
      expect((await t.storage.cases.findById(record!.id))!.dueAt).toBeNull();
      const added = await postMultipart(t, '/tra-cuu/bo-sung', form(), '198.51.100.51', 'application/json');
      expect(added.status).toBe(200);
      const after = await t.storage.cases.findById(record!.id);
      expect(after).toMatchObject({ status: 'received' });
      expect(after!.dueAt).not.toBeNull();
      expect(await t.storage.cases.attachments(record!.id)).toHaveLength(2);
    });
  });

  describe.skipIf(!available)('look-up', () => {
    it('shows the timeline and due dates with code and secret, and refuses a wrong secret like an unknown code', async () => {
      const { body } = await file(COMPLAINT);
      const ok = await citizen().request('/tra-cuu/', {
        form: { code: body.trackingCode.toLowerCase(), secret: body.secret },
      });
      const html = await ok.text();
      expect(ok.status).toBe(200);
      expect(html).toContain('Đã nhận đơn trực tuyến');
      expect(html).toContain('Hạn xem xét thụ lý');
      const wrong = await citizen().request('/tra-cuu/', {
        json: { code: body.trackingCode, secret: 'AAAA-AAAA-AAAA-AAAA' },
        headers: { accept: 'application/json' },
      });
      const unknown = await citizen().request('/tra-cuu/', {
        json: { code: 'STP-2026-0000-00', secret: body.secret },
        headers: { accept: 'application/json' },
      });
      expect(wrong.status).toBe(404);
      expect(await errorCode(wrong)).toBe('E_CASE_NOT_FOUND');
      expect(['E_CASE_NOT_FOUND', 'E_INVALID_TRACKING_CODE']).toContain(await errorCode(unknown));
    });

    it("sends a citizen who looks up on another department's page to the department that received the case", async () => {
      const { body } = await file(COMPLAINT);
      const elsewhere = new Browser(t, 'soyte.localhost', `203.0.113.${(ipCounter += 1)}`);
      const r = await elsewhere.request('/tra-cuu/', {
        json: { code: body.trackingCode, secret: body.secret },
        headers: { accept: 'application/json' },
      });
      expect(r.status).toBe(409);
      const answer = (await r.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('E_CASE_OF_ANOTHER_DEPARTMENT');
      expect(answer.error.message).toContain('Sở Tư pháp');
      expect(JSON.stringify(answer)).not.toContain(COMPLAINT.content);
      const page = await elsewhere.request('/tra-cuu/', { form: { code: body.trackingCode, secret: body.secret } });
      expect(await page.text()).not.toContain('Đã nhận đơn trực tuyến');
    });

    it('throttles an address that keeps guessing secrets, even for the right secret afterwards', async () => {
      const { body } = await file(COMPLAINT);
      const guesser = citizen();
      const codes: Array<string | undefined> = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await guesser.request('/tra-cuu/', {
          json: { code: body.trackingCode, secret: `AAAA-AAAA-AAAA-AA${i}A` },
          headers: { accept: 'application/json' },
        });
        codes.push(await errorCode(response));
      }
      expect(codes).toContain('E_RATE_LIMITED');
      const blocked = await guesser.request('/tra-cuu/', {
        json: { code: body.trackingCode, secret: body.secret },
        headers: { accept: 'application/json' },
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('throttles guesses on one code spread over many addresses', async () => {
      const { body } = await file(COMPLAINT);
      const codes: Array<string | undefined> = [];
      for (let i = 0; i < 14; i += 1) {
        const response = await citizen().request('/tra-cuu/', {
          json: { code: body.trackingCode, secret: `BBBB-BBBB-BBBB-BB${i % 10}B` },
          headers: { accept: 'application/json' },
        });
        codes.push(await errorCode(response));
      }
      expect(codes.slice(-2)).toEqual(['E_RATE_LIMITED', 'E_RATE_LIMITED']);
    });
  });

  describe.skipIf(!available)('back office', () => {
    it('lets the head accept, assign, and the assignee verify and answer; the citizen reads the answer and gets mail', async () => {
      const head = await officer('head', 'Nguyễn Văn An');
      const handler = await officer('editor', 'Lê Quang Minh', ['khieu-nai-to-cao']);
      const { body } = await file(COMPLAINT);
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      // Luật Khiếu nại 2011 Điều 8: accepted only once the signed letter has come (docs/adr/0057).
      expect(
        await errorCode(
          await head.browser.request(`/quan-tri/ho-so/${record.id}/thu-ly`, {
            form: { version: '1' },
            headers: { accept: 'application/json' },
          }),
        ),
      ).toBe('E_SIGNED_LETTER_REQUIRED');
      expect((await act(head.browser, record.id, 'nhan-don-ky', { letterVia: 'ban-giay' })).status).toBe(303);
      expect((await act(head.browser, record.id, 'thu-ly')).status).toBe(303);
      expect((await t.storage.cases.findById(record.id))!.resolveDueAt).toBeGreaterThan(record.acceptDueAt);
      expect((await act(head.browser, record.id, 'phan-cong', { assigneeId: handler.id })).status).toBe(303);
      expect((await act(handler.browser, record.id, 'xac-minh', { internalNote: 'Đã liên hệ phường.' })).status).toBe(
        303,
      );
      expect(
        (
          await act(handler.browser, record.id, 'giai-quyet', {
            publicText: 'Quyết định xử phạt đã được huỷ theo Quyết định số 45/QĐ-STP.',
          })
        ).status,
      ).toBe(303);
      const lookup = await citizen().request('/tra-cuu/', { form: { code: body.trackingCode, secret: body.secret } });
      const html = await lookup.text();
      expect(html).toContain('Quyết định xử phạt đã được huỷ');
      expect(html).not.toContain('Đã liên hệ phường.');
      expect(html).not.toContain('Lê Quang Minh');
      await t.cases.notifier.idle();
      const mine = smtp.messages.filter((m) => mailText(m.data).includes(body.trackingCode));
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine[0]!.to).toBe('RCPT TO:<ha@example.com>');
      expect(mailText(mine[0]!.data)).toContain(body.secret);
      expect(mailText(mine.at(-1)!.data)).toContain('Quyết định xử phạt đã được huỷ');
    });

    it('refuses transitions from the wrong state or by the wrong person, and a stale form', async () => {
      const head = await officer('head', 'Phan Thị Hoa');
      const reception = await officer('editor', 'Võ Tiếp Nhận', ['khieu-nai-to-cao']);
      const { body } = await file(COMPLAINT);
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      const json = (b: Browser, slug: string, form: Record<string, string>) =>
        b.request(`/quan-tri/ho-so/${record.id}/${slug}`, { form, headers: { accept: 'application/json' } });
      expect(await errorCode(await json(reception.browser, 'giai-quyet', { version: '1', publicText: 'x' }))).toBe(
        'E_CASE_PERMISSION',
      );
      expect(
        await errorCode(await json(reception.browser, 'phan-cong', { version: '1', assigneeId: reception.id })),
      ).toBe('E_CASE_PERMISSION');
      expect(await errorCode(await json(reception.browser, 'tu-choi', { version: '1' }))).toBe('E_REASON_REQUIRED');
      expect(await errorCode(await json(head.browser, 'duyet', { version: '1' }))).toBe('E_TRANSITION_NOT_ALLOWED');
      expect((await json(reception.browser, 'nhan-don-ky', { version: '1', letterVia: 'ban-giay' })).status).toBe(200);
      expect((await json(reception.browser, 'thu-ly', { version: '2' })).status).toBe(200);
      expect(await errorCode(await json(head.browser, 'ghi-chu', { version: '2', internalNote: 'cũ' }))).toBe(
        'E_CASE_CONFLICT',
      );
      expect(await errorCode(await json(head.browser, 'thu-ly', { version: '3' }))).toBe('E_TRANSITION_NOT_ALLOWED');
    });

    it("never shows an officer another officer's case or another department's, whatever the id", async () => {
      const head = await officer('head', 'Đặng Thị Lan');
      const a = await officer('editor', 'Cán Bộ A', ['hoi-dap']);
      const b = await officer('editor', 'Cán Bộ B', ['hoi-dap']);
      const { body } = await file(
        {
          fullName: 'Lê Văn Tám',
          email: 'tam@example.com',
          title: 'Hỏi về phí cấp phiếu lý lịch',
          question: 'Mức phí cấp phiếu lý lịch tư pháp hiện nay là bao nhiêu?',
          consent: 'on',
        },
        'hoi-dap',
      );
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      expect((await a.browser.request(`/quan-tri/ho-so/${record.id}`)).status).toBe(200);
      await act(head.browser, record.id, 'phan-cong', { assigneeId: a.id });
      expect((await a.browser.request(`/quan-tri/ho-so/${record.id}`)).status).toBe(200);
      const other = await b.browser.request(`/quan-tri/ho-so/${record.id}`);
      expect(other.status).toBe(404);
      expect(await b.browser.request('/quan-tri/ho-so/').then((r) => r.text())).not.toContain(body.trackingCode);
      const elsewhere = await t.addAccount('Trưởng Sở Y Tế', 'head', 'soyte');
      const ytBrowser = new Browser(t, 'soyte.localhost', '192.0.2.250');
      await ytBrowser.signInFully(elsewhere.username, elsewhere.password);
      expect((await ytBrowser.request(`/quan-tri/ho-so/${record.id}`)).status).toBe(404);
      const attachmentProbe = await b.browser.request(`/quan-tri/ho-so/${record.id}/tep/anything`);
      expect(attachmentProbe.status).toBe(404);
    });

    it("keeps a denouncer's identity from the reception queue, showing it to the assignee and the head only", async () => {
      const head = await officer('head', 'Trưởng Thanh Tra');
      const reception = await officer('editor', 'Cán Bộ Tiếp Dân', ['khieu-nai-to-cao']);
      const verifier = await officer('editor', 'Thanh Tra Viên', ['khieu-nai-to-cao']);
      const { body } = await file(DENUNCIATION);
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      const page = async (b: Browser) => (await b.request(`/quan-tri/ho-so/${record.id}`)).text();
      const seenByReception = await page(reception.browser);
      expect(seenByReception).not.toContain('Người Tố Cáo Bí Mật');
      expect(seenByReception).not.toContain('046190001234');
      expect(seenByReception).not.toContain('ha@example.com');
      expect(seenByReception).toContain('Đã được giữ bí mật');
      expect(await page(head.browser)).toContain('Người Tố Cáo Bí Mật');
      await act(head.browser, record.id, 'phan-cong', { assigneeId: verifier.id });
      expect(await page(verifier.browser)).toContain('Người Tố Cáo Bí Mật');
      expect((await reception.browser.request(`/quan-tri/ho-so/${record.id}`)).status).toBe(404);
    });

    it('serves files as downloads with nosniff, only to those who may open the case', async () => {
      const head = await officer('head', 'Trưởng Tải Tệp');
      const browser = citizen();
      const pow = await solvedPow(browser, 'khieu-nai-to-cao');
      const response = await postMultipart(
        t,
        '/dich-vu/khieu-nai-to-cao',
        multipart({ ...COMPLAINT, ...pow }, [{ name: 'chứng cứ.pdf', bytes: fixture('sample.pdf') }]),
        browser.ip,
        'application/json',
      );
      const { trackingCode } = (await response.json()) as { trackingCode: string };
      const record = (await t.storage.cases.findByTrackingCode(trackingCode))!;
      const [attachment] = await t.storage.cases.attachments(record.id);
      const download = await head.browser.request(`/quan-tri/ho-so/${record.id}/tep/${attachment!.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="chung cu\.pdf"; filename\*=UTF-8''ch%E1%BB%A9ng%20c%E1%BB%A9\.pdf$/,
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(fixture('sample.pdf'));
    });

    it('lists overdue cases once their deadline has passed', async () => {
      const head = await officer('head', 'Trưởng Quá Hạn');
      const { body } = await file(COMPLAINT);
      expect(await head.browser.request('/quan-tri/ho-so/qua-han').then((r) => r.text())).not.toContain(
        body.trackingCode,
      );
      // The deadline runs out: moved into the past rather than moving the clock, which would end the officers' sessions.
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      await t.storage.cases.update({
        id: record.id,
        expectedVersion: record.version,
        patch: { dueAt: t.clock() - 1, updatedAt: t.clock() },
        event: {
          at: t.clock(),
          actorId: null,
          actorName: null,
          action: 'note',
          status: record.status,
          publicText: null,
          internalNote: 'kiểm thử',
          details: {},
        },
      });
      const overdue = await head.browser.request('/quan-tri/ho-so/qua-han').then((r) => r.text());
      expect(overdue).toContain(body.trackingCode);
      expect(overdue).toContain('Quá hạn');
    });

    it('publishes an approved answer only after the head approves, and the citizen sees it only then', async () => {
      const head = await officer('head', 'Trưởng Duyệt');
      const answerer = await officer('editor', 'Chuyên Viên Trả Lời', ['hoi-dap']);
      const { body } = await file(
        {
          fullName: 'Lê Văn Tám',
          email: 'tam@example.com',
          title: 'Hỏi về thời hạn cấp phiếu',
          question: 'Thời hạn cấp phiếu lý lịch tư pháp là bao nhiêu ngày làm việc?',
          allowPublication: 'on',
          consent: 'on',
        },
        'hoi-dap',
      );
      const record = (await t.storage.cases.findByTrackingCode(body.trackingCode))!;
      await act(answerer.browser, record.id, 'thu-ly');
      await act(head.browser, record.id, 'phan-cong', { assigneeId: answerer.id });
      await act(answerer.browser, record.id, 'tra-loi', {
        publicText: 'Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
      });
      const before = await citizen().request('/tra-cuu/', {
        json: { code: body.trackingCode, secret: body.secret },
        headers: { accept: 'application/json' },
      });
      expect(JSON.stringify(await before.json())).not.toContain('Không quá 10 ngày');
      expect(
        await errorCode(
          await answerer.browser.request(`/quan-tri/ho-so/${record.id}/duyet`, {
            form: { version: '4' },
            headers: { accept: 'application/json' },
          }),
        ),
      ).toBe('E_CASE_PERMISSION');
      expect((await act(head.browser, record.id, 'duyet')).status).toBe(303);
      const after = await citizen().request('/tra-cuu/', { form: { code: body.trackingCode, secret: body.secret } });
      expect(await after.text()).toContain('Không quá 10 ngày làm việc');
    });

    // Last in the suite: it moves the clock past the consultation's closing day.
    it('counts and summarises the kept comments once the consultation has closed, naming only those who agreed', async () => {
      const head = await officer('head', 'Nguyễn Văn An');
      const comment = {
        consultation: 'du-thao-dang-mo',
        fullName: 'Trần Bình',
        email: 'binh@example.com',
        comment: 'Đề nghị bổ sung quy định về hỗ trợ hòa giải viên.',
        consent: 'on',
      };
      const kept = await file({ ...comment, publishName: 'on', provision: 'Điều 5' }, 'gop-y-du-thao');
      const refused = await file(
        { ...comment, comment: 'Ý kiến không liên quan đến dự thảo này chút nào.' },
        'gop-y-du-thao',
      );
      for (const [receipt, slug, form] of [
        [kept, 'thu-ly', {}],
        [refused, 'tu-choi', { publicText: 'Không liên quan.' }],
      ] as const) {
        const record = (await t.storage.cases.findByTrackingCode(receipt.body.trackingCode))!;
        expect((await act(head.browser, record.id, slug, form)).status).toBe(303);
      }
      const open = await citizen().request('/dich-vu/gop-y-du-thao/tong-hop/du-thao-dang-mo');
      expect(await open.json()).toMatchObject({ state: 'dang-lay-y-kien', count: null, comments: [] });
      t.clock.advance(30 * 86_400_000);
      const closed = (await (await citizen().request('/dich-vu/gop-y-du-thao/tong-hop/du-thao-dang-mo')).json()) as {
        count: number;
        comments: Array<Record<string, unknown>>;
      };
      const before = closed.comments.filter((c) => c.name === 'Trần Bình');
      expect(before).toEqual([{ provision: 'Điều 5', comment: comment.comment, name: 'Trần Bình' }]);
      expect(JSON.stringify(closed)).not.toContain('binh@example.com');
      expect(JSON.stringify(closed)).not.toContain('Ý kiến không liên quan');
      expect(closed.count).toBe(closed.comments.length);
    });
  });
});

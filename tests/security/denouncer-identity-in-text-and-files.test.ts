import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import {
  Browser,
  createCaseTestApp,
  DENUNCIATION,
  fixture,
  multipart,
  solvedPow,
  type CaseTestApp,
} from '../services/case-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding: a denouncer's identity leaked through what is not a named field
 * (Luật Tố cáo 2018 Điều 9.1b, 47). Reception staff saw the masked name but
 * the letter's text and its attachments in full, and they carry the name,
 * the address and the signature as often as not; and nobody could tell who
 * had read them. Now, per role: the head and the officer the head assigned
 * see the identity, the text and the files, and each view is one line in
 * the audit log that says what was seen but not what it said; reception
 * sees the subject matter only; anyone else sees nothing (docs/adr/0059).
 */
const NAME = 'Người Tố Cáo Bí Mật';
const TEXT = `Tôi là ${NAME}, nhà ở kiệt 12 Lê Lợi; tôi chứng kiến cán bộ địa chính nhận tiền để làm nhanh thủ tục.`;
const REASONS = `Biên lai do chính ${NAME} ký nhận, kèm theo đơn.`;
const FILE_NAME = 'don-to-cao-co-chu-ky.pdf';

describe.each(STORAGE_KINDS)('a denouncer’s identity, words and files ($name)', (kind) => {
  let t: CaseTestApp;
  let caseId: string;
  let attachmentId: string;
  let ip = 10;
  const people: Record<string, { id: string; username: string; browser: Browser }> = {};

  async function person(key: string, role: 'head' | 'editor' | 'admin', departmentId?: string) {
    const created = await t.addAccount(`Cán Bộ ${key}`, role, departmentId ?? (role === 'admin' ? null : 'sotuphap'));
    const host = departmentId === 'soyte' ? 'soyte.localhost' : role === 'admin' ? 'localhost' : 'sotuphap.localhost';
    const browser = new Browser(t, host, `192.0.2.${(ip += 1)}`);
    await browser.signInFully(created.username, created.password);
    people[key] = { id: created.id, username: created.username, browser };
  }
  const page = (key: string) => people[key]!.browser.request(`/quan-tri/ho-so/${caseId}`);
  const download = (key: string) => people[key]!.browser.request(`/quan-tri/ho-so/${caseId}/tep/${attachmentId}`);
  const auditLines = async (): Promise<AuditEntry[]> =>
    t.storage.audit.list({
      departmentId: 'sotuphap',
      limit: 100,
      actions: ['case-protected-viewed'],
      order: 'oldest-first',
    });

  beforeAll(async () => {
    t = await createCaseTestApp({ storage: await kind.open() });
    await person('head', 'head');
    await person('reception', 'editor');
    await person('verifier', 'editor');
    await person('colleague', 'editor');
    await person('admin', 'admin');
    await person('otherHead', 'head', 'soyte');
    for (const key of ['reception', 'verifier', 'colleague'])
      await t.storage.serviceGrants.set('sotuphap', people[key]!.id as never, ['khieu-nai-to-cao']);

    const citizen = new Browser(t, 'sotuphap.localhost', '203.0.113.50');
    const form = multipart(
      { ...DENUNCIATION, content: TEXT, reasons: REASONS, ...(await solvedPow(citizen, 'khieu-nai-to-cao')) },
      [{ name: FILE_NAME, bytes: fixture('sample.pdf') }],
    );
    const response = await t.app.request(
      'http://sotuphap.localhost/dich-vu/khieu-nai-to-cao',
      { method: 'POST', body: form, headers: { origin: 'http://sotuphap.localhost', accept: 'application/json' } },
      { incoming: { socket: { remoteAddress: '203.0.113.50' } } },
    );
    expect(response.status).toBe(201);
    const record = (await t.storage.cases.findByTrackingCode(
      ((await response.json()) as { trackingCode: string }).trackingCode,
    ))!;
    caseId = record.id;
    attachmentId = (await t.storage.cases.attachments(caseId))[0]!.id;
  });
  afterAll(async () => {
    await t?.storage.close();
  });

  it('shows reception the subject matter only: no identity, no text, no file, and logs nothing protected', async () => {
    const before = (await auditLines()).length;
    const response = await page('reception');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Ông Nguyễn Văn B, cán bộ địa chính');
    for (const secret of [
      NAME,
      DENUNCIATION.idNumber,
      DENUNCIATION.email,
      DENUNCIATION.phone,
      'kiệt 12 Lê Lợi',
      'nhận tiền để làm nhanh',
      'Biên lai do chính',
      FILE_NAME,
      attachmentId,
    ]) {
      expect(html, secret).not.toContain(secret);
    }
    expect(html).toContain('data-tep-bi-mat');
    expect((await download('reception')).status).toBe(404);
    expect((await auditLines()).length).toBe(before);
  });

  it('shows the head everything, with one audit line per view and per download that names what was seen, not what it says', async () => {
    const before = (await auditLines()).length;
    const html = await (await page('head')).text();
    for (const shown of [NAME, DENUNCIATION.idNumber, 'kiệt 12 Lê Lợi', 'Biên lai do chính', FILE_NAME])
      expect(html, shown).toContain(shown);
    let lines = await auditLines();
    expect(lines.length).toBe(before + 1);
    const view = lines.at(-1)!;
    expect(view).toMatchObject({ actorId: people.head!.id, action: 'case-protected-viewed', departmentId: 'sotuphap' });
    expect(view.details).toMatchObject({ trackingCode: expect.stringMatching(/^STP-/), attachments: 1 });
    expect(view.details.fields).toEqual(expect.arrayContaining(['fullName', 'idNumber', 'content', 'reasons']));

    const file = await download('head');
    expect(file.status).toBe(200);
    lines = await auditLines();
    expect(lines.length).toBe(before + 2);
    expect(lines.at(-1)).toMatchObject({
      actorId: people.head!.id,
      details: expect.objectContaining({ attachment: attachmentId }),
    });
    const logged = JSON.stringify(lines);
    for (const secret of [NAME, 'kiệt 12 Lê Lợi', DENUNCIATION.idNumber, FILE_NAME])
      expect(logged, secret).not.toContain(secret);
  });

  it('shows the officer the head assigns everything, logged; reception, colleagues, the administrator and another department see nothing', async () => {
    const version = (await t.storage.cases.findById(caseId))!.version;
    expect(
      (
        await people.head!.browser.request(`/quan-tri/ho-so/${caseId}/phan-cong`, {
          form: { version: String(version), assigneeId: people.verifier!.id },
        })
      ).status,
    ).toBe(303);
    const before = (await auditLines()).length;
    const html = await (await page('verifier')).text();
    for (const shown of [NAME, 'kiệt 12 Lê Lợi', FILE_NAME]) expect(html, shown).toContain(shown);
    expect((await download('verifier')).status).toBe(200);
    const lines = await auditLines();
    expect(lines.slice(before).map((l) => l.actorId)).toEqual([people.verifier!.id, people.verifier!.id]);
    for (const key of ['reception', 'colleague', 'admin', 'otherHead']) {
      expect((await page(key)).status, key).toBe(404);
      expect((await download(key)).status, key).toBe(404);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from '#src/calendar/working-days.ts';
import { caseDepartments } from '#server/citizen-services/case-departments.ts';
import { createCaseReminders } from '#server/citizen-services/case-reminders.ts';
import { createScheduler } from '#server/platform/scheduler.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { STORAGE_KINDS } from '../security/support.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { aCase, anAccount, aSubmitEvent } from '../support/records.ts';
import { DEPARTMENTS } from './case-support.ts';

/**
 * The morning digest (docs/adr/0056) on the server's own scheduler, driven
 * by a fake clock: on Friday 24/4/2026 "within three working days" reaches
 * Monday 4/5, because Monday 27/4 (Giỗ Tổ), Thursday 30/4 and Friday 1/5 are
 * days off. A count of weekdays would stop at Wednesday 29/4 and a count of
 * days at Monday 27/4: the digest must list exactly the cases the holiday
 * table says.
 */
const vn = (local: string) => Date.parse(`${local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`);

describe.each(STORAGE_KINDS)('the morning digest of each officer ($name)', (kind) => {
  let storage: Storage;
  let smtp: SmtpSink;
  let now = vn('2026-04-23T20:00:00');
  const clock = () => now;
  const accounts: Record<string, AccountRecord> = {};
  const codes: Record<string, string> = {};

  async function officer(key: string, role: AccountRecord['role'], email: string | null) {
    const id = randomUUID();
    accounts[key] = await storage.accounts.create(
      anAccount({ id, username: `${key}${id.slice(0, 6)}`, fullName: `Cán bộ ${key}`, role, email }),
    );
  }
  async function aCaseDue(key: string, overrides: Partial<CaseRecord>) {
    const record = aCase({
      id: randomUUID(),
      trackingCode: `STP-2026-${key.toUpperCase().padEnd(4, 'X')}-${codes[key] ? 'B' : 'A'}1`,
      receivedAt: vn('2026-04-01T09:00:00'),
      ...overrides,
    });
    codes[key] = record.trackingCode;
    await storage.cases.create({
      record,
      event: aSubmitEvent(record.receivedAt),
      attachments: [],
      idempotencyKeyHash: null,
    });
  }

  beforeAll(async () => {
    storage = await kind.open();
    smtp = await startSmtpSink();
    await officer('minh', 'editor', 'minh@sotuphap.thuathienhue.gov.vn');
    await officer('lan', 'editor', 'lan@sotuphap.thuathienhue.gov.vn');
    await officer('an', 'head', 'an@sotuphap.thuathienhue.gov.vn');
    await officer('khongthu', 'editor', null);
    await storage.serviceGrants.set('sotuphap', accounts.minh!.id, ['khieu-nai-to-cao']);
    const minh = accounts.minh!.id;
    await aCaseDue('tue', { assignedTo: minh, status: 'accepted', dueAt: endOf('2026-04-28') });
    await aCaseDue('wed', { assignedTo: minh, status: 'accepted', dueAt: endOf('2026-04-29') });
    await aCaseDue('mon', { assignedTo: minh, status: 'accepted', dueAt: endOf('2026-05-04') });
    await aCaseDue('fourth', { assignedTo: minh, status: 'accepted', dueAt: endOf('2026-05-05') });
    await aCaseDue('late', { assignedTo: minh, status: 'in-progress', dueAt: endOf('2026-04-23') });
    await aCaseDue('done', { assignedTo: minh, status: 'resolved', dueAt: null, closedAt: vn('2026-04-20T10:00:00') });
    await aCaseDue('waits', {
      assignedTo: minh,
      status: 'suspended',
      kind: 'to-cao',
      dueAt: null,
      suspendedAt: vn('2026-04-20T10:00:00'),
    });
    await aCaseDue('queue', { status: 'submitted', dueAt: endOf('2026-04-29') });
    await aCaseDue('other', { service: 'hoi-dap', kind: null, status: 'submitted', dueAt: endOf('2026-04-28') });
    await aCaseDue('lans', { assignedTo: accounts.lan!.id, status: 'accepted', dueAt: endOf('2026-04-28') });
    await aCaseDue('verylate', { assignedTo: accounts.lan!.id, status: 'accepted', dueAt: endOf('2026-04-20') });
  });
  afterAll(async () => {
    await smtp?.close();
    await storage?.close();
  });

  const reminders = () =>
    createCaseReminders({
      storage,
      calendar: NATIONAL_CALENDAR,
      departments: caseDepartments(DEPARTMENTS),
      mail: { smtp: { host: '127.0.0.1', port: smtp.port }, from: 'khong-tra-loi@sotuphap.thuathienhue.gov.vn' },
      escalationWorkingDays: 3,
    });
  const listed = (text: string) =>
    Object.entries(codes)
      .filter(([, code]) => text.includes(code))
      .map(([key]) => key)
      .sort();
  const mailTo = (who: string) => smtp.messages.filter((m) => m.to.includes(accounts[who]!.email!));

  it('sends nothing before 07:00, then lists exactly the cases due within three working days and the overdue ones', async () => {
    const scheduler = createScheduler({
      clock,
      onError: (_job, error) => {
        throw error;
      },
    });
    const due = reminders();
    scheduler.add({
      name: 'case-digest',
      nextDue: due.nextDue,
      run: (at) => due.sendDigests(at).then(() => undefined),
    });
    await scheduler.tick();
    expect(smtp.messages).toHaveLength(0);

    now = vn('2026-04-24T07:00:00');
    await scheduler.tick();
    const [mail] = mailTo('minh');
    expect(listed(mail!.text)).toEqual(['late', 'mon', 'queue', 'tue', 'wed']);
    expect(mail!.text).toMatch(new RegExp(`${codes.mon} .*còn 3 ngày làm việc`));
    expect(mail!.text).toMatch(new RegExp(`${codes.late} .*quá 1 ngày làm việc`));
    expect(mail!.text).toContain(`https://sotuphap.thuathienhue.gov.vn/quan-tri/ho-so/`);
    expect(listed(mailTo('lan')[0]!.text)).toEqual(['lans', 'verylate']);
    // The head is told of the department's cases late by three working days or more; nobody without an address gets a mail.
    expect(listed(mailTo('an')[0]!.text)).toEqual(['verylate']);
    expect(smtp.messages).toHaveLength(3);

    // Saturday and the Giỗ Tổ Monday are days off: no mail. Tuesday morning, the next one.
    now = vn('2026-04-25T07:00:00');
    await scheduler.tick();
    now = vn('2026-04-27T07:00:00');
    await scheduler.tick();
    expect(smtp.messages).toHaveLength(3);
    now = vn('2026-04-28T07:30:00');
    await scheduler.tick();
    expect(mailTo('minh')).toHaveLength(2);
    // From Tuesday the 28th, three working days reach Tuesday 5 May; the case due on Tuesday 28th is due today.
    expect(listed(mailTo('minh')[1]!.text)).toEqual(['fourth', 'late', 'mon', 'queue', 'tue', 'wed']);
  });

  it('shows the head the same escalations as on the back-office home', async () => {
    const escalated = await reminders().escalated('sotuphap', vn('2026-04-24T07:00:00'));
    expect(escalated.map((line) => [line.record.trackingCode, line.workingDays])).toEqual([[codes.verylate, 4]]);
  });
});

import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR, vietnamDate } from '#src/calendar/working-days.ts';
import { DEFAULT_LEGAL_READING, type LegalReading } from '#src/schema/legal-deadlines.ts';
import { ServicesSchema, type ServicesInput } from '#src/schema/service-process.ts';
import {
  caseLimits,
  deadlineEffects,
  deadlinesOnSubmit,
  type DeadlineRules,
} from '#server/citizen-services/case-deadlines.ts';
import type { TransitionName } from '#server/citizen-services/case-workflow.ts';
import type { CaseRecord, CaseStatus } from '#server/platform/storage/case-records.ts';
import { aCase } from '../support/records.ts';

/**
 * Every tier of docs/adr/0056, one article at a time, on the worked example
 * of the ADR: a letter sent online on Monday 13/4/2026, its signed copy
 * received on Friday 17/4/2026, accepted on Monday 4/5/2026. Between them
 * lie Giỗ Tổ (Monday 27/4, the Sunday's day off), 30/4 and 1/5; the dates
 * below were counted by hand on the 2026 calendar.
 */
const SUBMITTED = Date.parse('2026-04-13T09:00:00+07:00');
const LETTER = Date.parse('2026-04-17T10:00:00+07:00');
const ACCEPTED = Date.parse('2026-05-04T10:00:00+07:00');

const rules = (reading: Partial<LegalReading> = {}, services: ServicesInput = {}): DeadlineRules => ({
  services: ServicesSchema.parse(services),
  calendar: NATIONAL_CALENDAR,
  reading: { ...DEFAULT_LEGAL_READING, ...reading },
});
const day = (instant: number | null | undefined) => (instant == null ? null : vietnamDate(new Date(instant)));
/** `fn` is refused with this code. */
const refused = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ code }));

/** Applies one step the way the office service does and returns the case after it. */
function step(
  record: CaseRecord,
  name: TransitionName,
  status: CaseStatus,
  now: number,
  r = rules(),
  facts = {},
): CaseRecord {
  return { ...record, status, ...deadlineEffects(r, record, name, status, now, facts) };
}

const complaint = (overrides: Partial<CaseRecord> = {}) =>
  aCase({ kind: 'khieu-nai', receivedAt: SUBMITTED, ...overrides });
const denunciation = (overrides: Partial<CaseRecord> = {}) =>
  aCase({ kind: 'to-cao', receivedAt: SUBMITTED, ...overrides });

describe('Luật Khiếu nại 2011 Điều 8 and Luật Tố cáo 2018 Điều 23: no acceptance clock before the signed letter', () => {
  it('starts no running deadline for a complaint or denunciation sent online, but does for feedback', () => {
    expect(deadlinesOnSubmit(rules(), complaint(), SUBMITTED).dueAt).toBeNull();
    expect(deadlinesOnSubmit(rules(), denunciation(), SUBMITTED).dueAt).toBeNull();
    // 10 working days from Monday 13/4: Monday 27/4 is Giỗ Tổ's day off, so the tenth is Tuesday 28/4.
    expect(day(deadlinesOnSubmit(rules(), complaint({ kind: 'phan-anh' }), SUBMITTED).dueAt)).toBe('2026-04-28');
  });

  it('refuses acceptance until the signed letter is recorded', () => {
    refused(() => step(complaint(), 'accept', 'accepted', ACCEPTED), 'E_SIGNED_LETTER_REQUIRED');
    refused(() => step(denunciation(), 'accept', 'accepted', ACCEPTED), 'E_SIGNED_LETTER_REQUIRED');
  });

  it('counts acceptance from the scan’s upload when the officer says the letter came that way', () => {
    const received = step(complaint(), 'receiveSignedLetter', 'submitted', ACCEPTED, rules(), { letterAt: LETTER });
    expect(received.signedLetterAt).toBe(LETTER);
    expect(day(received.acceptDueAt)).toBe('2026-05-06');
  });
});

describe('Luật Khiếu nại 2011 Điều 27, 28: a first complaint', () => {
  const received = step(complaint(), 'receiveSignedLetter', 'submitted', LETTER);

  it('is accepted within 10 working days of the signed letter (17/4 → 06/5, over Giỗ Tổ, 30/4 and 1/5)', () => {
    expect(day(received.acceptDueAt)).toBe('2026-05-06');
    expect(received.dueAt).toBe(received.acceptDueAt);
  });

  it('is resolved within 30 working days of acceptance (04/5 → 15/6), 45 when complex (→ 06/7)', () => {
    const accepted = step(received, 'accept', 'accepted', ACCEPTED);
    expect(day(accepted.resolveDueAt)).toBe('2026-06-15');
    const complex = step(accepted, 'declareComplex', 'accepted', ACCEPTED + 86_400_000, rules(), {
      acceptedAt: ACCEPTED,
    });
    expect(complex.complex).toBe(true);
    expect(day(complex.resolveDueAt)).toBe('2026-07-06');
    expect(complex.dueAt).toBe(complex.resolveDueAt);
  });

  it('gets 45 and 60 working days in a remote area (→ 06/7 and 27/7)', () => {
    const remote = step(received, 'accept', 'accepted', ACCEPTED, rules(), { remoteArea: true });
    expect(remote.remoteArea).toBe(true);
    expect(day(remote.resolveDueAt)).toBe('2026-07-06');
    expect(
      day(step(remote, 'declareComplex', 'accepted', ACCEPTED, rules(), { acceptedAt: ACCEPTED }).resolveDueAt),
    ).toBe('2026-07-27');
  });

  it('is declared complex once: the longer limit is not added twice', () => {
    const complex = step(
      step(received, 'accept', 'accepted', ACCEPTED),
      'declareComplex',
      'accepted',
      ACCEPTED,
      rules(),
      { acceptedAt: ACCEPTED },
    );
    refused(
      () => step(complex, 'declareComplex', 'accepted', ACCEPTED, rules(), { acceptedAt: ACCEPTED }),
      'E_EXTENSION_NOT_ALLOWED',
    );
  });

  it('keeps a department’s shorter declared limit, shown as its own and not the law’s', () => {
    const own = rules({}, { 'khieu-nai-to-cao': { resolveLimit: 20 } });
    expect(caseLimits(own, received).resolve).toEqual({ limit: { value: 20, unit: 'ngay-lam-viec' }, article: null });
    expect(caseLimits(rules(), received).resolve).toEqual({
      limit: { value: 30, unit: 'ngay-lam-viec' },
      article: 'Luật Khiếu nại 2011, Điều 28',
    });
  });
});

describe('Luật Khiếu nại 2011 Điều 36, 37: a second complaint', () => {
  const second = step(complaint({ payload: { instance: 'lan-hai' } }), 'receiveSignedLetter', 'submitted', LETTER);

  it('is accepted within 10 working days (Điều 36) and resolved within 45, 60 when complex (Điều 37)', () => {
    expect(day(second.acceptDueAt)).toBe('2026-05-06');
    expect(caseLimits(rules(), second).accept.article).toBe('Luật Khiếu nại 2011, Điều 36');
    const accepted = step(second, 'accept', 'accepted', ACCEPTED);
    expect(day(accepted.resolveDueAt)).toBe('2026-07-06');
    expect(
      day(step(accepted, 'declareComplex', 'accepted', ACCEPTED, rules(), { acceptedAt: ACCEPTED }).resolveDueAt),
    ).toBe('2026-07-27');
  });

  it('gets 60 and 70 working days in a remote area (→ 27/7 and 10/8)', () => {
    const remote = step(second, 'accept', 'accepted', ACCEPTED, rules(), { remoteArea: true });
    expect(day(remote.resolveDueAt)).toBe('2026-07-27');
    expect(
      day(step(remote, 'declareComplex', 'accepted', ACCEPTED, rules(), { acceptedAt: ACCEPTED }).resolveDueAt),
    ).toBe('2026-08-10');
  });

  it('is never shortened by a declaration meant for first complaints', () => {
    const own = rules({}, { 'khieu-nai-to-cao': { resolveLimit: 20 } });
    expect(caseLimits(own, second).resolve.limit.value).toBe(45);
  });
});

describe('a province reading "ngày" of Luật Khiếu nại 2011 as calendar days', () => {
  it('counts the same complaint in calendar days: acceptance 27/4 moved to 28/4 (a day off, BLDS Điều 148.3); resolution 03/6; complex 18/6; second, complex, remote 13/7', () => {
    const calendarDays = rules({ 'khieu-nai': 'ngay' });
    const received = step(complaint(), 'receiveSignedLetter', 'submitted', LETTER, calendarDays);
    expect(day(received.acceptDueAt)).toBe('2026-04-28');
    const accepted = step(received, 'accept', 'accepted', ACCEPTED, calendarDays);
    expect(day(accepted.resolveDueAt)).toBe('2026-06-03');
    expect(
      day(step(accepted, 'declareComplex', 'accepted', ACCEPTED, calendarDays, { acceptedAt: ACCEPTED }).resolveDueAt),
    ).toBe('2026-06-18');
    const secondRemote = step(
      step(complaint({ payload: { instance: 'lan-hai' } }), 'receiveSignedLetter', 'submitted', LETTER, calendarDays),
      'accept',
      'accepted',
      ACCEPTED,
      calendarDays,
      { remoteArea: true },
    );
    expect(
      day(
        step(secondRemote, 'declareComplex', 'accepted', ACCEPTED, calendarDays, { acceptedAt: ACCEPTED }).resolveDueAt,
      ),
    ).toBe('2026-07-13');
  });
});

describe('Luật Tố cáo 2018 Điều 24: a denunciation is accepted within 7 working days, 10 by one extension', () => {
  const received = step(denunciation(), 'receiveSignedLetter', 'submitted', LETTER);

  it('is due 29/4 (7 working days, Giỗ Tổ skipped), 06/5 once extended; a second acceptance extension is refused', () => {
    expect(day(received.acceptDueAt)).toBe('2026-04-29');
    const extended = step(received, 'extendAcceptance', 'submitted', LETTER + 86_400_000);
    expect(day(extended.acceptDueAt)).toBe('2026-05-06');
    expect(extended.dueAt).toBe(extended.acceptDueAt);
    refused(() => step(extended, 'extendAcceptance', 'submitted', LETTER), 'E_EXTENSION_NOT_ALLOWED');
  });

  it('counts in working days whatever the province reads into Điều 30, because Điều 24 says so itself', () => {
    const calendarReading = step(
      denunciation(),
      'receiveSignedLetter',
      'submitted',
      LETTER,
      rules({ 'to-cao': 'ngay' }),
    );
    expect(day(calendarReading.acceptDueAt)).toBe('2026-04-29');
  });

  it('cannot be extended before the signed letter has come: no clock runs yet', () => {
    refused(() => step(denunciation(), 'extendAcceptance', 'submitted', LETTER), 'E_SIGNED_LETTER_REQUIRED');
  });

  it('has no acceptance extension for a complaint', () => {
    refused(
      () =>
        step(step(complaint(), 'receiveSignedLetter', 'submitted', LETTER), 'extendAcceptance', 'submitted', LETTER),
      'E_EXTENSION_NOT_ALLOWED',
    );
  });
});

describe('Luật Tố cáo 2018 Điều 30: 30 days, extended once or twice by 30 days each', () => {
  const accepted = step(
    step(denunciation(), 'receiveSignedLetter', 'submitted', LETTER),
    'accept',
    'accepted',
    ACCEPTED,
  );

  it('is due 30 calendar days after acceptance by default (04/5 → 03/6)', () => {
    expect(day(accepted.resolveDueAt)).toBe('2026-06-03');
    expect(caseLimits(rules(), accepted).resolve).toEqual({
      limit: { value: 30, unit: 'ngay' },
      article: 'Luật Tố cáo 2018, Điều 30',
    });
  });

  it('adds 30 days from the end of the limit at each extension (→ 03/7, → 03/8 since 02/8 is a Sunday), and refuses a third', () => {
    const once = step(accepted, 'extend', 'in-progress', ACCEPTED + 20 * 86_400_000);
    expect(once).toMatchObject({ extensions: 1, complex: true });
    expect(day(once.resolveDueAt)).toBe('2026-07-03');
    const twice = step(once, 'extend', 'in-progress', ACCEPTED + 50 * 86_400_000);
    expect(twice.extensions).toBe(2);
    expect(day(twice.resolveDueAt)).toBe('2026-08-03');
    expect(twice.dueAt).toBe(twice.resolveDueAt);
    refused(() => step(twice, 'extend', 'in-progress', ACCEPTED), 'E_EXTENSION_NOT_ALLOWED');
  });

  it('counts in working days where the province reads it so (04/5 → 15/6)', () => {
    const workingDays = rules({ 'to-cao': 'ngay-lam-viec' });
    const inWorkingDays = step(
      step(denunciation(), 'receiveSignedLetter', 'submitted', LETTER, workingDays),
      'accept',
      'accepted',
      ACCEPTED,
      workingDays,
    );
    expect(day(inWorkingDays.resolveDueAt)).toBe('2026-06-15');
  });

  it('has no extension for a complaint: its complexity is declared instead (Luật Khiếu nại 2011 Điều 28)', () => {
    const complaintAccepted = step(
      step(complaint(), 'receiveSignedLetter', 'submitted', LETTER),
      'accept',
      'accepted',
      ACCEPTED,
    );
    refused(() => step(complaintAccepted, 'extend', 'in-progress', ACCEPTED), 'E_EXTENSION_NOT_ALLOWED');
    expect(caseLimits(rules(), accepted).complexResolve).toBeNull();
  });
});

describe('Luật Tố cáo 2018 Điều 34: the time a resolution is suspended does not count', () => {
  it('stops the clock on 13/5 with 21 days left, and gives them back from 27/5 (→ 17/6)', () => {
    const accepted = step(
      step(denunciation(), 'receiveSignedLetter', 'submitted', LETTER),
      'accept',
      'accepted',
      ACCEPTED,
    );
    const suspended = step(accepted, 'suspend', 'suspended', Date.parse('2026-05-13T15:00:00+07:00'));
    expect(suspended.dueAt).toBeNull();
    expect(suspended.suspendedAt).toBe(Date.parse('2026-05-13T15:00:00+07:00'));
    const resumed = step(suspended, 'resume', 'in-progress', Date.parse('2026-05-27T10:00:00+07:00'));
    expect(resumed.suspendedAt).toBeNull();
    expect(day(resumed.resolveDueAt)).toBe('2026-06-17');
    expect(resumed.dueAt).toBe(resumed.resolveDueAt);
  });
});

describe('closing a case', () => {
  it('stops every clock', () => {
    const accepted = step(
      step(denunciation(), 'receiveSignedLetter', 'submitted', LETTER),
      'accept',
      'accepted',
      ACCEPTED,
    );
    expect(deadlineEffects(rules(), accepted, 'resolve', 'resolved', ACCEPTED + 1)).toEqual({
      closedAt: ACCEPTED + 1,
      dueAt: null,
      suspendedAt: null,
    });
  });
});

describe('Luật Tiếp cận thông tin 2016 (docs/adr/0048): a request for information', () => {
  // Received on Monday 13/4/2026; Giỗ Tổ (27/4), 30/4 and 1/5 are days off.
  const request = () => aCase({ service: 'tiep-can-thong-tin', kind: 'thu-dien-tu', receivedAt: SUBMITTED });

  it('gives available information within 3 working days (→ 16/4), the answer within 10 from receipt (→ 27/4 is off: 28/4)', () => {
    const filed = { ...request(), ...deadlinesOnSubmit(rules(), request(), SUBMITTED) };
    expect(day(filed.acceptDueAt)).toBe('2026-04-16');
    expect(filed.dueAt).toBe(filed.acceptDueAt);
    const accepted = step(filed, 'accept', 'accepted', Date.parse('2026-04-15T10:00:00+07:00'));
    expect(day(accepted.resolveDueAt)).toBe('2026-04-28');
  });

  it('is extended once by 10 more working days (28/4 → 14/5, over 30/4 and 1/5), and keeps that date when accepted afterwards', () => {
    const filed = { ...request(), ...deadlinesOnSubmit(rules(), request(), SUBMITTED) };
    const extended = step(filed, 'extend', 'submitted', Date.parse('2026-04-15T10:00:00+07:00'));
    expect(day(extended.resolveDueAt)).toBe('2026-05-14');
    expect(day(step(extended, 'accept', 'accepted', Date.parse('2026-04-16T10:00:00+07:00')).resolveDueAt)).toBe(
      '2026-05-14',
    );
    refused(
      () => step(extended, 'extend', 'submitted', Date.parse('2026-04-16T10:00:00+07:00')),
      'E_EXTENSION_NOT_ALLOWED',
    );
  });
});

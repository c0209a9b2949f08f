import { describe, expect, it } from 'vitest';
import type { PublicCaseView } from '../case-service.ts';
import { aCase } from '#tests/support/records.ts';
import { answerOf, lookupResultView } from './lookup-result-page-view.ts';

const event = (
  action: string,
  publicText: string | null,
  at = '2026-11-17T03:00:00Z',
  dueAt: number | null = null,
) => ({ at: Date.parse(at), action, status: 'submitted' as const, publicText, dueAt });
const caseView = (events: PublicCaseView['events'], overrides: Parameters<typeof aCase>[0] = {}): PublicCaseView => ({
  record: aCase(overrides),
  events,
  attachments: [],
  rating: null,
});
const NOW = Date.parse('2026-11-20T03:00:00Z');

describe('the answer on the look-up page', () => {
  it('is the text of the last answering step', () => {
    const view = caseView([
      event('submit', null),
      event('resolve', 'Quyết định đã được huỷ.'),
      event('returnResult', 'Kết quả gửi kèm.', '2026-11-18T03:00:00Z'),
    ]);
    expect(answerOf(view)?.publicText).toBe('Kết quả gửi kèm.');
  });

  it('is not a request for more documents nor a note to the citizen along the way', () => {
    expect(answerOf(caseView([event('requestSupplement', 'Bổ sung bản sao.')]))).toBeUndefined();
  });

  it('for a question, is the drafted answer the head approved, shown only once resolved (docs/adr/0042)', () => {
    const events = [
      event('submit', null),
      event('answer', 'Phí là 200.000 đồng.'),
      event('approve', 'Đã duyệt.', '2026-11-18T03:00:00Z'),
    ];
    expect(answerOf(caseView(events, { service: 'hoi-dap', status: 'resolved' }))?.publicText).toBe(
      'Phí là 200.000 đồng.',
    );
    const pending = lookupResultView({
      view: caseView(events.slice(0, 2), { service: 'hoi-dap', status: 'awaiting-approval' }),
      secret: 's',
      deadline: null,
      now: NOW,
    });
    expect(pending.answer).toBeNull();
    expect(pending.timeline.map((s) => s.label)).toEqual(['Đã nhận đơn trực tuyến']);
  });
});

describe('lookupResultView', () => {
  it('gives the deadlines as dates and the moments in Vietnam time, with the deadline flag in words', () => {
    const view = lookupResultView({
      view: caseView([event('submit', null, '2026-11-15T17:30:00Z')], { kind: 'phan-anh' }),
      secret: 's',
      deadline: 'due-soon',
      now: NOW,
    });
    expect(view.summary).toMatchObject({
      receivedAt: '16/11/2026 09:00',
      acceptDue: '20/11/2026',
      resolveDue: null,
      deadline: 'Sắp đến hạn',
    });
    expect(view.timeline[0]).toMatchObject({ at: '16/11/2026 00:30', datetime: '2026-11-15T17:30:00.000Z' });
  });

  it('offers the supplement form only while documents are asked for, keeping the secret for it', () => {
    const asked = lookupResultView({
      view: caseView([], { status: 'supplement-requested' }),
      secret: 'ABCD-EFGH',
      deadline: null,
      now: NOW,
      formError: { form: 'supplement', message: 'Tệp quá lớn.' },
    });
    expect(asked.supplement).toMatchObject({
      code: 'STP-2026-7KQ4-M9',
      secret: 'ABCD-EFGH',
      accept: '.pdf,.jpg,.jpeg,.png,.docx,.odt',
      error: { message: 'Tệp quá lớn.' },
    });
    expect(asked.title).toBe('Lỗi: Bổ sung hồ sơ');
    expect(lookupResultView({ view: caseView([]), secret: 's', deadline: null, now: NOW }).supplement).toBeNull();
  });

  it('lists files with their size and who sent them', () => {
    const view = lookupResultView({
      view: {
        ...caseView([]),
        attachments: [{ displayName: 'don.pdf', size: 150_000, source: 'citizen', addedAt: 0 }],
      },
      secret: 's',
      deadline: null,
      now: NOW,
    });
    expect(view.attachments).toEqual([{ name: 'don.pdf', detail: '(147 KB, công dân nộp)' }]);
  });
});

describe('the look-up page as a timeline (Điều 13.1)', () => {
  const steps = [
    event('submit', null, '2026-11-16T02:00:00Z'),
    event('receiveSignedLetter', null, '2026-11-17T02:00:00Z', Date.parse('2026-12-01T16:59:59.999Z')),
    event('accept', null, '2026-11-18T03:00:00Z', Date.parse('2026-12-30T16:59:59.999Z')),
    event(
      'declareComplex',
      'Phải xác minh tại hai phường.',
      '2026-11-25T03:00:00Z',
      Date.parse('2027-01-21T16:59:59.999Z'),
    ),
  ];

  it('dates every step and gives each deadline it set, a new one after an extension', () => {
    const view = lookupResultView({
      view: caseView(steps, {
        status: 'accepted',
        signedLetterAt: 1,
        resolveDueAt: Date.parse('2027-01-21T16:59:59.999Z'),
      }),
      secret: 's',
      deadline: 'on-time',
      now: NOW,
    });
    expect(view.timeline.map((s) => [s.label, s.notes])).toEqual([
      ['Đã nhận đơn trực tuyến', []],
      ['Cơ quan đã nhận đơn có chữ ký', ['Hạn: đến hết ngày 01/12/2026.']],
      ['Đã thụ lý', ['Hạn: đến hết ngày 30/12/2026.']],
      [
        'Vụ việc phức tạp: gia hạn thời hạn giải quyết',
        ['Phải xác minh tại hai phường.', 'Hạn mới: đến hết ngày 21/01/2027.'],
      ],
    ]);
    expect(view.next).toBe('Tiếp theo: cơ quan xác minh và trả lời kết quả giải quyết, hạn đến hết ngày 21/01/2027.');
  });

  it('says what comes next at each stage, in plain words', () => {
    const next = (overrides: Parameters<typeof aCase>[0]) =>
      lookupResultView({ view: caseView([], overrides), secret: 's', deadline: null, now: NOW }).next;
    expect(next({})).toBe('Tiếp theo: Ông/Bà gửi đơn có chữ ký; thời hạn thụ lý tính từ khi cơ quan nhận được đơn.');
    expect(next({ signedLetterAt: 1 })).toBe(
      'Tiếp theo: cơ quan xem xét thụ lý, hoặc trả lời lý do không thụ lý, hạn đến hết ngày 20/11/2026.',
    );
    expect(next({ kind: 'to-cao', status: 'suspended', suspendedAt: Date.parse('2026-11-19T03:00:00Z') })).toMatch(
      /^Việc giải quyết đang tạm đình chỉ từ ngày 19\/11\/2026/,
    );
    expect(next({ status: 'resolved', closedAt: Date.parse('2026-11-19T03:00:00Z') })).toBe(
      'Hồ sơ đã kết thúc ngày 19/11/2026.',
    );
  });

  it('ends with the closing, then offers the rating for 30 days, then says it is too late', () => {
    const closedAt = Date.parse('2026-11-19T03:00:00Z');
    const closed = caseView([event('resolve', 'Đã huỷ quyết định.', '2026-11-19T03:00:00Z')], {
      status: 'resolved',
      closedAt,
    });
    const open = lookupResultView({ view: closed, secret: 'S', deadline: null, now: NOW });
    expect(open.timeline.at(-1)).toMatchObject({ label: 'Hồ sơ đã kết thúc', at: '19/11/2026 10:00' });
    expect(open.rating?.form).toMatchObject({
      code: 'STP-2026-7KQ4-M9',
      secret: 'S',
      window: 'Nhận đánh giá đến hết ngày 19/12/2026.',
    });
    expect(open.rating?.form?.scores.map((s) => s.value)).toEqual(['1', '2', '3', '4', '5']);
    const late = lookupResultView({ view: closed, secret: 'S', deadline: null, now: closedAt + 31 * 86_400_000 });
    expect(late.rating).toEqual({ given: expect.stringMatching(/^Đã quá 30 ngày/), form: null });
    const rated = lookupResultView({
      view: { ...closed, rating: { score: 5, comment: null, ratedAt: NOW } },
      secret: 'S',
      deadline: null,
      now: NOW,
    });
    expect(rated.rating).toEqual({
      given: 'Ông/Bà đã đánh giá 5/5 – Rất hài lòng ngày 20/11/2026. Cảm ơn Ông/Bà.',
      form: null,
    });
    expect(lookupResultView({ view: caseView([]), secret: 'S', deadline: null, now: NOW }).rating).toBeNull();
  });

  it('tells the sender of a complaint what the signed letter is and offers to send its scan, until it has come', () => {
    const waiting = lookupResultView({
      view: caseView([event('submit', null)]),
      secret: 'S',
      deadline: null,
      now: NOW,
    });
    expect(waiting.signedLetter?.lines.join(' ')).toMatch(/Luật Khiếu nại năm 2011 \(Điều 8\)/);
    expect(waiting.signedLetter?.form).toMatchObject({ code: 'STP-2026-7KQ4-M9', secret: 'S' });
    expect(waiting.summary.acceptDue).toBe('Chưa tính: chờ đơn có chữ ký');
    const sent = lookupResultView({
      view: caseView([event('submit', null), event('sendSignedLetter', null)]),
      secret: 'S',
      deadline: null,
      now: NOW,
    });
    expect(sent.signedLetter?.sent).toMatch(/đã gửi bản chụp/);
    expect(
      lookupResultView({ view: caseView([], { signedLetterAt: 1 }), secret: 'S', deadline: null, now: NOW })
        .signedLetter,
    ).toBeNull();
    expect(
      lookupResultView({ view: caseView([], { kind: 'kien-nghi' }), secret: 'S', deadline: null, now: NOW })
        .signedLetter,
    ).toBeNull();
  });
});

describe('a request for information on the look-up page (docs/adr/0048)', () => {
  it('names its steps as the law does, and the information given is the answer', () => {
    const events = [
      event('submit', null),
      event('accept', null),
      event('extend', 'Phải tập hợp từ ba phòng.'),
      event('resolve', 'Kế hoạch số 12/KH-STP gửi kèm.', '2026-11-18T03:00:00Z'),
    ];
    const view = lookupResultView({
      view: caseView(events, { service: 'tiep-can-thong-tin', kind: 'thu-dien-tu', status: 'resolved' }),
      secret: 's',
      deadline: null,
      now: NOW,
    });
    expect(view.timeline.map((s) => s.label)).toEqual([
      'Đã nhận đơn trực tuyến',
      'Yêu cầu hợp lệ: cơ quan thông báo thời hạn cung cấp thông tin',
      'Gia hạn thời hạn cung cấp thông tin',
      'Đã cung cấp thông tin',
    ]);
    expect(view.answer).toBe('Kế hoạch số 12/KH-STP gửi kèm.');
  });
});

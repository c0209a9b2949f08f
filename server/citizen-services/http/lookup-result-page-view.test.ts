import { describe, expect, it } from 'vitest';
import type { PublicCaseView } from '../case-service.ts';
import { aCase } from '#tests/support/records.ts';
import { answerOf, lookupResultView } from './lookup-result-page-view.ts';

const event = (action: string, publicText: string | null, at = '2026-11-17T03:00:00Z') => ({ at: Date.parse(at), action, status: 'submitted' as const, publicText });
const caseView = (events: PublicCaseView['events'], overrides: Parameters<typeof aCase>[0] = {}): PublicCaseView => ({ record: aCase(overrides), events, attachments: [] });

describe('the answer on the look-up page', () => {
  it('is the text of the last answering step', () => {
    const view = caseView([event('submit', null), event('resolve', 'Quyết định đã được huỷ.'), event('returnResult', 'Kết quả gửi kèm.', '2026-11-18T03:00:00Z')]);
    expect(answerOf(view)?.publicText).toBe('Kết quả gửi kèm.');
  });

  it('is not a request for more documents nor a note to the citizen along the way', () => {
    expect(answerOf(caseView([event('requestSupplement', 'Bổ sung bản sao.')]))).toBeUndefined();
  });

  it('for a question, is the drafted answer the head approved, shown only once resolved (docs/adr/0042)', () => {
    const events = [event('submit', null), event('answer', 'Phí là 200.000 đồng.'), event('approve', 'Đã duyệt.', '2026-11-18T03:00:00Z')];
    expect(answerOf(caseView(events, { service: 'hoi-dap', status: 'resolved' }))?.publicText).toBe('Phí là 200.000 đồng.');
    const pending = lookupResultView({ view: caseView(events.slice(0, 2), { service: 'hoi-dap', status: 'awaiting-approval' }), secret: 's', deadline: null });
    expect(pending.answer).toBeNull();
    expect(pending.timeline.map((s) => s.label)).toEqual(['Đã nhận đơn trực tuyến']);
  });
});

describe('lookupResultView', () => {
  it('gives the deadlines as dates and the moments in Vietnam time, with the deadline flag in words', () => {
    const view = lookupResultView({ view: caseView([event('submit', null, '2026-11-15T17:30:00Z')]), secret: 's', deadline: 'due-soon' });
    expect(view.summary).toMatchObject({ receivedAt: '16/11/2026 09:00', acceptDue: '20/11/2026', resolveDue: null, deadline: 'Sắp đến hạn' });
    expect(view.timeline[0]).toMatchObject({ at: '16/11/2026 00:30', datetime: '2026-11-15T17:30:00.000Z' });
  });

  it('offers the supplement form only while documents are asked for, keeping the secret for it', () => {
    const asked = lookupResultView({ view: caseView([], { status: 'supplement-requested' }), secret: 'ABCD-EFGH', deadline: null, supplementError: 'Tệp quá lớn.' });
    expect(asked.supplement).toMatchObject({ code: 'STP-2026-7KQ4-M9', secret: 'ABCD-EFGH', accept: '.pdf,.jpg,.jpeg,.png,.docx,.odt', error: { message: 'Tệp quá lớn.' } });
    expect(asked.title).toBe('Lỗi: Bổ sung hồ sơ');
    expect(lookupResultView({ view: caseView([]), secret: 's', deadline: null }).supplement).toBeNull();
  });

  it('lists files with their size and who sent them', () => {
    const view = lookupResultView({
      view: { ...caseView([]), attachments: [{ displayName: 'don.pdf', size: 150_000, source: 'citizen', addedAt: 0 }] },
      secret: 's',
      deadline: null,
    });
    expect(view.attachments).toEqual([{ name: 'don.pdf', detail: '(147 KB, công dân nộp)' }]);
  });
});

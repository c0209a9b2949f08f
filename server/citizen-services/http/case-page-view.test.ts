import { describe, expect, it } from 'vitest';
import type { OfficerCaseView } from '../case-office-service.ts';
import { aCase, anAccount, anEvent, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { ServicesSchema } from '#src/schema/service-process.ts';
import { DEFAULT_LEGAL_READING } from '#src/schema/legal-deadlines.ts';
import { caseLimits } from '../case-deadlines.ts';
import { casePageView } from './case-page-view.ts';

const officerView = (overrides: Partial<OfficerCaseView> = {}): OfficerCaseView => {
  const record = overrides.record ?? aCase();
  return {
    record,
    payload: {},
    relations: new Set(['head']),
    transitions: [],
    events: [],
    attachments: [],
    withheldAttachments: 0,
    deadline: null,
    limits: caseLimits({ services: ServicesSchema.parse({}), reading: DEFAULT_LEGAL_READING }, record),
    rating: null,
    ...overrides,
  };
};
const view = (
  overrides: Partial<OfficerCaseView> = {},
  officers = [anAccount({ id: 'a1', username: 'lvbinh', fullName: 'Lê Văn Bình' })],
) => casePageView({ site: DEPARTMENT_SITE, account: anAccount(), view: officerView(overrides), officers });

describe('casePageView', () => {
  it('dates everything in Vietnam time and says when a complex case got its longer deadline', () => {
    const { summary } = view({
      record: aCase({ signedLetterAt: 1, resolveDueAt: Date.parse('2026-12-30T10:00:00Z'), complex: true }),
      deadline: 'overdue',
    });
    expect(summary).toMatchObject({
      receivedAt: '16/11/2026 09:00',
      acceptDue: '20/11/2026 17:00',
      resolveDue: '30/12/2026 17:00 (vụ việc phức tạp)',
      deadline: 'Quá hạn',
    });
  });

  it('shows what the citizen sent in words, never the consent flag itself', () => {
    const { payload } = view({
      payload: {
        fullName: 'Lê Thị Hoa',
        consent: true,
        allowPublication: false,
        consentedAt: Date.parse('2026-11-16T02:00:00Z'),
      },
    });
    expect(payload).toEqual([
      { key: 'fullName', label: 'Họ và tên', value: 'Lê Thị Hoa' },
      { key: 'allowPublication', label: 'Đồng ý công bố', value: 'Không' },
      { key: 'consentedAt', label: 'Thời điểm đồng ý', value: '16/11/2026 09:00' },
    ]);
  });

  it('keeps in the history what went to the citizen, the internal note and who was assigned', () => {
    const [step] = view({
      events: [
        anEvent({
          action: 'assign',
          actorName: 'Nguyễn Văn An',
          internalNote: 'Gấp',
          details: { assignee: 'Lê Văn Bình' },
        }),
      ],
    }).timeline;
    expect(step).toMatchObject({
      label: 'Đã phân công cán bộ xử lý',
      actor: 'Nguyễn Văn An',
      notes: ['Ghi chú nội bộ: Gấp', 'Phân công: Lê Văn Bình'],
    });
  });

  it('asks for the text to the citizen where the law wants a reason, and files where a result may be sent', () => {
    const { actions } = view({ transitions: ['reject', 'accept', 'resolve', 'assign', 'note'] });
    const field = (name: string, id: string) =>
      actions.find((a) => a.name === name)!.fields.find((f) => f.id === `${name}-${id}`);
    expect(field('reject', 'tra-loi')?.required).toBe(true);
    expect(field('accept', 'tra-loi')?.required).toBe(false);
    expect(actions.find((a) => a.name === 'resolve')).toMatchObject({
      multipart: true,
      action: '/quan-tri/ho-so/case-1/giai-quyet',
      version: 1,
    });
    expect(field('assign', 'can-bo')?.options).toEqual([{ value: 'a1', label: 'Lê Văn Bình (lvbinh)' }]);
    expect(field('note', 'ghi-chu')?.required).toBe(true);
    expect(field('note', 'tra-loi')).toBeUndefined();
  });

  it('says whether the signed letter has come, and counts no acceptance deadline before it (docs/adr/0057)', () => {
    expect(view().summary).toMatchObject({
      signedLetter: 'Chưa nhận: chưa tính thời hạn thụ lý',
      acceptDue: 'Chưa tính: chờ đơn có chữ ký',
    });
    const received = view({ record: aCase({ signedLetterAt: Date.parse('2026-11-17T01:00:00Z') }) }).summary;
    expect(received).toMatchObject({ signedLetter: 'Đã nhận ngày 17/11/2026 08:00', acceptDue: '20/11/2026 17:00' });
    expect(view({ record: aCase({ kind: 'phan-anh' }) }).summary.signedLetter).toBeNull();
  });

  it('names the article each limit comes from, the tier and the extensions used (docs/adr/0056)', () => {
    const accepted = aCase({
      status: 'accepted',
      signedLetterAt: 1,
      resolveDueAt: Date.parse('2026-12-30T10:00:00Z'),
      payload: { instance: 'lan-hai' },
      remoteArea: true,
    });
    expect(view({ record: accepted }).summary).toMatchObject({
      instance: expect.stringMatching(/^Khiếu nại lần hai/),
      basis: 'Luật Khiếu nại 2011, Điều 36; Luật Khiếu nại 2011, Điều 37 (Vùng sâu, vùng xa)',
      extensions: null,
    });
    const denunciation = aCase({
      kind: 'to-cao',
      status: 'in-progress',
      resolveDueAt: Date.parse('2026-12-30T10:00:00Z'),
      extensions: 1,
    });
    expect(view({ record: denunciation }).summary).toMatchObject({
      resolveDue: '30/12/2026 17:00 (đã gia hạn 1 lần)',
      extensions: 'Đã gia hạn 1/2 lần',
    });
  });

  it('says how many files of a denunciation are held back, instead of listing them (docs/adr/0059)', () => {
    const page = view({ record: aCase({ kind: 'to-cao' }), withheldAttachments: 2 });
    expect(page.withheldFiles).toMatch(/^2 tệp được giữ bí mật/);
    expect(page.attachments).toEqual([]);
    expect(view().withheldFiles).toBeNull();
  });

  it('shows the citizen’s rating of a closed case, or that there is none yet (docs/adr/0058)', () => {
    const closed = aCase({ status: 'resolved', closedAt: Date.parse('2026-11-30T02:00:00Z') });
    expect(view({ record: closed }).rating).toEqual({ value: 'Chưa đánh giá', comment: null, when: null });
    const rating = {
      caseId: 'case-1',
      departmentId: 'sotuphap',
      service: 'khieu-nai-to-cao' as const,
      score: 2,
      comment: 'Trả lời chậm.',
      channel: 'mail-link' as const,
      ratedAt: Date.parse('2026-12-01T02:00:00Z'),
    };
    expect(view({ record: closed, rating }).rating).toEqual({
      value: '2/5 – Không hài lòng',
      comment: 'Ý kiến: Trả lời chậm.',
      when: 'Đánh giá lúc 01/12/2026 09:00 (đường dẫn trong thư)',
    });
    expect(view().rating).toBeNull();
  });

  it('offers the remote-area limits when accepting a complaint, and asks how the signed letter came', () => {
    const { actions } = view({ transitions: ['accept', 'receiveSignedLetter', 'extend'] });
    const fields = (name: string) => actions.find((a) => a.name === name)!.fields.map((f) => f.name);
    expect(fields('accept')).toContain('remoteArea');
    expect(fields('receiveSignedLetter')).toContain('letterVia');
    expect(actions.find((a) => a.name === 'extend')!.fields.find((f) => f.name === 'publicText')?.required).toBe(true);
    expect(
      view({ record: aCase({ kind: 'to-cao' }), transitions: ['accept'] }).actions[0]!.fields.map((f) => f.name),
    ).not.toContain('remoteArea');
  });

  it('says a case is over when it is closed and nothing but a note is left', () => {
    expect(view({ record: aCase({ status: 'resolved' }), transitions: ['note'] }).closed).toBe(true);
    expect(view({ record: aCase({ status: 'resolved' }), transitions: ['note', 'returnResult'] }).closed).toBe(false);
    expect(view({ transitions: [] }).closed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { OfficerCaseView } from '../case-office-service.ts';
import { aCase, anAccount, anEvent, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { casePageView } from './case-page-view.ts';

const officerView = (overrides: Partial<OfficerCaseView> = {}): OfficerCaseView => ({
  record: aCase(),
  payload: {},
  relations: new Set(['head']),
  transitions: [],
  events: [],
  attachments: [],
  deadline: null,
  ...overrides,
});
const view = (overrides: Partial<OfficerCaseView> = {}, officers = [anAccount({ id: 'a1', username: 'lvbinh', fullName: 'Lê Văn Bình' })]) =>
  casePageView({ site: DEPARTMENT_SITE, account: anAccount(), view: officerView(overrides), officers });

describe('casePageView', () => {
  it('dates everything in Vietnam time and says when a complex case got its longer deadline', () => {
    const { summary } = view({ record: aCase({ resolveDueAt: Date.parse('2026-12-30T10:00:00Z'), complex: true }), deadline: 'overdue' });
    expect(summary).toMatchObject({ receivedAt: '16/11/2026 09:00', acceptDue: '20/11/2026 17:00', resolveDue: '30/12/2026 17:00 (vụ việc phức tạp)', deadline: 'Quá hạn' });
  });

  it('shows what the citizen sent in words, never the consent flag itself', () => {
    const { payload } = view({ payload: { fullName: 'Lê Thị Hoa', consent: true, allowPublication: false, consentedAt: Date.parse('2026-11-16T02:00:00Z') } });
    expect(payload).toEqual([
      { key: 'fullName', label: 'Họ và tên', value: 'Lê Thị Hoa' },
      { key: 'allowPublication', label: 'Đồng ý công bố', value: 'Không' },
      { key: 'consentedAt', label: 'Thời điểm đồng ý', value: '16/11/2026 09:00' },
    ]);
  });

  it('keeps in the history what went to the citizen, the internal note and who was assigned', () => {
    const [step] = view({ events: [anEvent({ action: 'assign', actorName: 'Nguyễn Văn An', internalNote: 'Gấp', details: { assignee: 'Lê Văn Bình' } })] }).timeline;
    expect(step).toMatchObject({ label: 'Đã phân công cán bộ xử lý', actor: 'Nguyễn Văn An', notes: ['Ghi chú nội bộ: Gấp', 'Phân công: Lê Văn Bình'] });
  });

  it('asks for the text to the citizen where the law wants a reason, and files where a result may be sent', () => {
    const { actions } = view({ transitions: ['reject', 'accept', 'resolve', 'assign', 'note'] });
    const field = (name: string, id: string) => actions.find((a) => a.name === name)!.fields.find((f) => f.id === `${name}-${id}`);
    expect(field('reject', 'tra-loi')?.required).toBe(true);
    expect(field('accept', 'tra-loi')?.required).toBe(false);
    expect(actions.find((a) => a.name === 'resolve')).toMatchObject({ multipart: true, action: '/quan-tri/ho-so/case-1/giai-quyet', version: 1 });
    expect(field('assign', 'can-bo')?.options).toEqual([{ value: 'a1', label: 'Lê Văn Bình (lvbinh)' }]);
    expect(field('note', 'ghi-chu')?.required).toBe(true);
    expect(field('note', 'tra-loi')).toBeUndefined();
  });

  it('says a case is over when it is closed and nothing but a note is left', () => {
    expect(view({ record: aCase({ status: 'resolved' }), transitions: ['note'] }).closed).toBe(true);
    expect(view({ record: aCase({ status: 'resolved' }), transitions: ['note', 'returnResult'] }).closed).toBe(false);
    expect(view({ transitions: [] }).closed).toBe(false);
  });
});

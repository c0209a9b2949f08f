import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import type { WorkflowStep } from '../content-repository/workflow-record.ts';
import { URGENT_REASON_MIN_LENGTH } from '../editorial-workflow.ts';
import { entryHistoryPageView, type EntryHistoryProps } from './entry-history-page-view.ts';

const step = (event: WorkflowStep['event'], state: WorkflowStep['state'], at: string, username = 'nvan'): WorkflowStep => ({
  event,
  state,
  at,
  by: { name: 'Nguyễn Văn An', username },
  commit: 'c',
});
const props = (overrides: Partial<EntryHistoryProps> = {}): EntryHistoryProps => ({
  site: DEPARTMENT_SITE,
  actor: anAccount(),
  section: 'tin-tuc',
  slug: 'bai-moi',
  title: 'Bài mới',
  state: 'in-review',
  steps: [step('create', 'draft', '2026-11-16T02:00:00Z'), step('submit', 'in-review', '2026-11-16T03:15:30Z')],
  ...overrides,
});

describe('entryHistoryPageView', () => {
  it('names the last step’s time in Vietnam, keeping the instant for machines, and who did it', () => {
    const view = entryHistoryPageView(props());
    expect(view.lastUpdate).toEqual({ at: { datetime: '2026-11-16T03:15:30Z', text: '16/11/2026 10:15:30' }, by: 'Nguyễn Văn An (nvan)' });
    expect(view.steps.map((s) => [s.step, s.state])).toEqual([['nhập mới', 'Nhập mới'], ['gửi xác thực', 'Chờ xác thực']]);
    expect([view.section, view.state, view.heading]).toEqual(['Tin tức', 'Chờ xác thực', 'Lịch sử bài: Bài mới']);
  });

  it('says a gone entry is gone, and falls back to the address when it has no title', () => {
    const view = entryHistoryPageView(props({ state: null, title: null, steps: [] }));
    expect([view.state, view.heading, view.lastUpdate]).toEqual(['Đã gỡ hoặc đã huỷ', 'Lịch sử bài: bai-moi', null]);
  });

  it('asks for a reason of the workflow’s minimum length before an urgent publication (Điều 9, ADR 0044)', () => {
    const { actions } = entryHistoryPageView(props({ actions: ['review-urgent', 'publish-urgently'] }));
    expect(actions.map((a) => a.action)).toEqual(['/quan-tri/bai-viet/tin-tuc/bai-moi/dang-khan', '/quan-tri/bai-viet/tin-tuc/bai-moi/ra-soat-dang-khan']);
    expect(actions[0]!.reason).toMatchObject({ id: 'reason', required: true, minLength: URGENT_REASON_MIN_LENGTH });
    expect(actions[1]!.reason).toBeNull();
  });

  it('shows only the fixed confirmations a redirect may name', () => {
    expect(entryHistoryPageView(props({ notice: 'go-bai' })).notice?.text).toContain('Đã gỡ bài khỏi Website');
    expect(entryHistoryPageView(props({ notice: '<script>' })).notice).toBeNull();
  });
});

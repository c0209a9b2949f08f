import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import type { WorkflowStep } from '../content-repository/workflow-record.ts';
import { URGENT_REASON_MIN_LENGTH } from '../editorial-workflow.ts';
import { entryHistoryPageView, type EntryHistoryProps } from './entry-history-page-view.ts';

const step = (
  event: WorkflowStep['event'],
  state: WorkflowStep['state'],
  at: string,
  username = 'nvan',
): WorkflowStep => ({
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
    expect(view.lastUpdate).toEqual({
      at: { datetime: '2026-11-16T03:15:30Z', text: '16/11/2026 10:15:30' },
      by: 'Nguyễn Văn An (nvan)',
    });
    expect(view.steps.map((s) => [s.step, s.state])).toEqual([
      ['nhập mới', 'Nhập mới'],
      ['gửi xác thực', 'Chờ xác thực'],
    ]);
    expect([view.section, view.state, view.heading]).toEqual(['Tin tức', 'Chờ xác thực', 'Lịch sử bài: Bài mới']);
  });

  it('says a gone entry is gone, and falls back to the address when it has no title', () => {
    const view = entryHistoryPageView(props({ state: null, title: null, steps: [] }));
    expect([view.state, view.heading, view.lastUpdate]).toEqual(['Đã gỡ hoặc đã huỷ', 'Lịch sử bài: bai-moi', null]);
  });

  it('asks for a reason of the workflow’s minimum length before an urgent publication (Điều 9, ADR 0044)', () => {
    const { actions } = entryHistoryPageView(props({ actions: ['review-urgent', 'publish-urgently'] }));
    expect(actions.map((a) => a.action)).toEqual([
      '/quan-tri/bai-viet/tin-tuc/bai-moi/dang-khan',
      '/quan-tri/bai-viet/tin-tuc/bai-moi/ra-soat-dang-khan',
    ]);
    expect(actions[0]!.reason).toMatchObject({ id: 'reason', required: true, minLength: URGENT_REASON_MIN_LENGTH });
    expect(actions[1]!.reason).toBeNull();
  });

  it('shows only the fixed confirmations a redirect may name', () => {
    expect(entryHistoryPageView(props({ notice: 'go-bai' })).notice?.text).toContain('Đã gỡ bài khỏi Website');
    expect(entryHistoryPageView(props({ notice: '<script>' })).notice).toBeNull();
  });

  it('offers restore and a comparison of two versions only when the person may, the last two chosen by default (docs/adr/0092)', () => {
    const versions = [
      {
        n: 1,
        at: '2026-11-16T02:00:00Z',
        by: { name: 'Hoàng Thị Mai', username: 'maiht' },
        event: 'create' as const,
        verifiedBy: { name: 'Trần Thị Bích Hạnh', username: 'hanhttb' },
        published: true,
      },
      {
        n: 2,
        at: '2026-11-17T02:00:00Z',
        by: { name: 'Hoàng Thị Mai', username: 'maiht' },
        event: 'edit' as const,
        verifiedBy: null,
        published: false,
      },
    ];
    const view = entryHistoryPageView(props({ versions, mayRestore: true }));
    expect(view.versions?.rows.map((r) => [r.n, r.verifiedBy, r.published, r.restore?.action])).toEqual([
      [1, 'Trần Thị Bích Hạnh (hanhttb)', 'Có', '/quan-tri/bai-viet/tin-tuc/bai-moi/khoi-phuc'],
      [2, '—', 'Không', '/quan-tri/bai-viet/tin-tuc/bai-moi/khoi-phuc'],
    ]);
    expect(view.versions?.compareForm?.from.options?.find((o) => o.selected)?.value).toBe('1');
    expect(view.versions?.compareForm?.to.options?.find((o) => o.selected)?.value).toBe('2');
    expect(entryHistoryPageView(props({ versions, mayRestore: false })).versions!.rows[0]!.restore).toBeNull();
    const same = { fields: [], body: [{ kind: 'same' as const, text: 'x' }], same: true };
    expect(entryHistoryPageView(props({ versions, sinceVerified: { n: 1, diff: same } })).sinceVerified).toEqual({
      text: 'Không có thay đổi nào sau khi phiên bản 1 được Trần Thị Bích Hạnh (hanhttb) xác thực lúc 16/11/2026 09:00.',
      diff: null,
    });
  });

  it('lists share links with their state and uses, and offers none for a state secret (docs/adr/0093)', () => {
    const link = {
      id: 'a',
      url: 'http://x/xem-truoc?ma=a.b',
      createdByName: 'Hoàng Thị Mai',
      createdAt: 0,
      expiresAt: 2_000,
      revokedAt: null,
      uses: 3,
      mayRevoke: true,
    };
    const view = entryHistoryPageView(
      props({
        now: 1_000,
        share: {
          secret: false,
          links: [link, { ...link, id: 'b', expiresAt: 500 }, { ...link, id: 'c', revokedAt: 100 }],
        },
      }),
    );
    expect(view.share?.rows.map((r) => [r.status, r.uses, r.revoke?.id ?? null])).toEqual([
      ['Còn hiệu lực', 3, 'a'],
      ['Đã hết hạn', 3, null],
      ['Đã thu hồi', 3, null],
    ]);
    expect(view.share?.form?.lifetime.options?.map((o) => o.value)).toEqual(['1-gio', '1-ngay', '3-ngay', '7-ngay']);
    const secret = entryHistoryPageView(props({ share: { secret: true, links: [] } })).share;
    expect([secret?.form, typeof secret?.secret]).toEqual([null, 'string']);
  });
});

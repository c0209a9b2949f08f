import { describe, expect, it } from 'vitest';
import { aCase, anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { homePageView } from './home-page-view.ts';

describe('homePageView', () => {
  it('greets the person and lists what the system knows of them, sections and rights only when they have some', () => {
    const view = homePageView({
      site: DEPARTMENT_SITE,
      account: anAccount({ role: 'editor', sections: ['tin-tuc', 'van-ban'], delegations: ['verify'] }),
    });
    expect(view.greeting).toBe('Xin chào, Nguyễn Văn An');
    expect(view.facts.map((f) => [f.term, f.detail])).toEqual([
      ['Tên đăng nhập', 'nvan'],
      ['Vai trò', 'Biên tập viên'],
      ['Chuyên mục được phân công', 'Tin tức, Văn bản'],
      ['Được ủy quyền', 'Xác thực tin'],
      ['Hộp thư công vụ', 'Chưa có'],
    ]);
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount() }).facts.map((f) => f.term)).not.toContain(
      'Chuyên mục được phân công',
    );
  });

  it('shows the board’s password history to the head only (docs/adr/0017)', () => {
    expect(
      homePageView({ site: DEPARTMENT_SITE, account: anAccount(), boardHistory: [] }).boardHistory?.showAccount,
    ).toBe(true);
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount(), boardHistory: null }).boardHistory).toBeNull();
  });

  it('shows the head the cases overdue beyond the margin, latest first, each linked, and a disposal list waiting (docs/adr/0056, 0059)', () => {
    const late = (id: string, days: number) => ({
      record: aCase({ id, trackingCode: `STP-2026-${id}`, dueAt: Date.parse('2026-11-20T16:59:59Z') }),
      workingDays: days,
    });
    const disposal = {
      id: 'l1',
      departmentId: 'sotuphap',
      proposedAt: 0,
      closedBefore: 0,
      entries: [{ caseId: 'x', trackingCode: 'STP-2021-AAAA-A1', service: 'hoi-dap' as const, closedAt: 0 }],
      status: 'proposed' as const,
      approvedBy: null,
      approvedByName: null,
      approvedAt: null,
    };
    const view = homePageView({
      site: DEPARTMENT_SITE,
      account: anAccount(),
      escalated: [late('A', 3), late('B', 7)],
      disposal,
    });
    expect(view.escalated?.rows).toEqual([
      {
        cells: [
          'STP-2026-B',
          'Khiếu nại, tố cáo, phản ánh, kiến nghị',
          'Khiếu nại quyết định xử phạt',
          '20/11/2026',
          '7 ngày làm việc',
        ],
        data: { href: '/quan-tri/ho-so/B' },
      },
      {
        cells: [
          'STP-2026-A',
          'Khiếu nại, tố cáo, phản ánh, kiến nghị',
          'Khiếu nại quyết định xử phạt',
          '20/11/2026',
          '3 ngày làm việc',
        ],
        data: { href: '/quan-tri/ho-so/A' },
      },
    ]);
    expect(view.disposal).toEqual({
      text: 'Có danh sách 1 hồ sơ hết thời hạn lưu chờ Thủ trưởng phê duyệt huỷ.',
      href: '/quan-tri/ho-so/huy',
    });
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount(), escalated: [] }).escalated).toBeNull();
  });
});

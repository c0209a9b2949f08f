import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { homePageView } from './home-page-view.ts';

describe('homePageView', () => {
  it('greets the person and lists what the system knows of them, sections and rights only when they have some', () => {
    const view = homePageView({ site: DEPARTMENT_SITE, account: anAccount({ role: 'editor', sections: ['tin-tuc', 'van-ban'], delegations: ['verify'] }) });
    expect(view.greeting).toBe('Xin chào, Nguyễn Văn An');
    expect(view.facts.map((f) => [f.term, f.detail])).toEqual([
      ['Tên đăng nhập', 'nvan'],
      ['Vai trò', 'Biên tập viên'],
      ['Chuyên mục được phân công', 'Tin tức, Văn bản'],
      ['Được ủy quyền', 'Xác thực tin'],
      ['Hộp thư công vụ', 'Chưa có'],
    ]);
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount() }).facts.map((f) => f.term)).not.toContain('Chuyên mục được phân công');
  });

  it('shows the board’s password history to the head only (docs/adr/0017)', () => {
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount(), boardHistory: [] }).boardHistory?.showAccount).toBe(true);
    expect(homePageView({ site: DEPARTMENT_SITE, account: anAccount(), boardHistory: null }).boardHistory).toBeNull();
  });
});

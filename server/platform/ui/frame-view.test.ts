import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE, PORTAL_SITE } from '#tests/support/records.ts';
import { frameView } from './frame-view.ts';

const links = (role: Parameters<typeof anAccount>[0]) =>
  frameView({ title: 'x', site: DEPARTMENT_SITE, account: anAccount(role) }).nav?.map((l) => l.text);

describe('frameView', () => {
  it('names the page, the back office and the department in the title', () => {
    expect(frameView({ title: 'Tài khoản', site: DEPARTMENT_SITE }).documentTitle).toBe(
      'Tài khoản – Quản trị – Sở Tư pháp',
    );
    expect(frameView({ title: 'Đăng nhập', site: PORTAL_SITE }).siteName).toBe(
      'Cổng thông tin điện tử tỉnh Thừa Thiên Huế',
    );
  });

  it('shows who is signed in with their role, and nothing when nobody is', () => {
    expect(frameView({ title: 'x', site: DEPARTMENT_SITE, account: anAccount({ role: 'deputy' }) }).signedIn).toBe(
      'Nguyễn Văn An (nvan, Phó Trưởng Ban Biên tập)',
    );
    const anonymous = frameView({ title: 'x', site: DEPARTMENT_SITE });
    expect([anonymous.signedIn, anonymous.nav]).toEqual([null, null]);
  });

  it('offers each role only the pages its routes let it open', () => {
    expect(links({ role: 'head' })).toEqual([
      'Trang chính',
      'Biên tập nội dung',
      'Bài viết',
      'Hồ sơ dịch vụ công',
      'Báo cáo',
      'Giám sát nội dung',
      'Vận hành',
      'Tài khoản',
      'Nhật ký',
      'Đổi mật khẩu',
    ]);
    expect(links({ role: 'contributor' })).toEqual([
      'Trang chính',
      'Biên tập nội dung',
      'Bài viết',
      'Hồ sơ dịch vụ công',
      'Đổi mật khẩu',
    ]);
    expect(links({ role: 'it-officer' })).not.toContain('Nhật ký');
    // The province administrator has no editorial role and no department's cases (ADR 0013).
    expect(links({ role: 'admin', departmentId: null })).not.toContain('Biên tập nội dung');
  });

  it('offers no way out of a first sign-in before the password is changed (Điều 11.2)', () => {
    expect(
      frameView({
        title: 'x',
        site: DEPARTMENT_SITE,
        account: anAccount({ mustChangePassword: true }),
        navigation: false,
      }).nav,
    ).toBeNull();
  });
});

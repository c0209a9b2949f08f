import { describe, expect, it } from 'vitest';
import { errorPageView } from './error-page-view.ts';

const department = { kind: 'department' as const, department: { id: 'sotuphap', name: 'Sở Tư pháp', domains: [] } };

describe('errorPageView', () => {
  it('titles the page by the kind of refusal and keeps the error’s own sentence and code', () => {
    const view = errorPageView({
      site: department,
      status: 403,
      message: 'Bạn không được làm việc này.',
      code: 'E_PERMISSION_DENIED',
    });
    expect(view.title).toBe('Không được phép');
    expect(view.message).toBe('Bạn không được làm việc này.');
    expect(view.code).toBe('E_PERMISSION_DENIED');
    expect(view.frame.documentTitle).toBe('Không được phép – Quản trị – Sở Tư pháp');
  });

  it('calls any status it has no title for a system error, on the portal when the host names no site', () => {
    const view = errorPageView({ site: null, status: 500, message: 'Lỗi', code: 'E_INTERNAL' });
    expect(view.title).toBe('Lỗi hệ thống');
    expect(view.frame.siteName).toBe('Cổng thông tin điện tử tỉnh Thừa Thiên Huế');
    expect(view.frame.nav).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.ts';
import { changePasswordPageView } from './change-password-page-view.ts';

describe('changePasswordPageView', () => {
  it('on first sign-in asks for the one-time password, says why, and offers no navigation (Điều 11.2)', () => {
    const view = changePasswordPageView({ site: DEPARTMENT_SITE, account: anAccount({ mustChangePassword: true }) });
    expect(view.fields[0]!.label).toBe('Mật khẩu dùng một lần');
    expect(view.notice).not.toBeNull();
    expect(view.frame.nav).toBeNull();
  });

  it('otherwise asks for the current password, with the navigation, and states the policy’s lengths', () => {
    const view = changePasswordPageView({ site: DEPARTMENT_SITE, account: anAccount() });
    expect(view.fields.map((f) => f.label)).toEqual(['Mật khẩu hiện tại', 'Mật khẩu mới', 'Nhập lại mật khẩu mới']);
    expect([view.notice, view.frame.nav === null]).toEqual([null, false]);
    expect(view.fields[1]!.hint).toContain(`Từ ${MIN_PASSWORD_LENGTH} đến ${MAX_PASSWORD_LENGTH} ký tự`);
  });
});

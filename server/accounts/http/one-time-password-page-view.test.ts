import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { oneTimePasswordPageView } from './one-time-password-page-view.ts';

const account = anAccount({
  username: 'ttbhanh',
  fullName: 'Trần Thị Bích Hạnh',
  role: 'editor',
  passwordExpiresAt: Date.parse('2026-12-02T03:40:05Z'),
});

describe('oneTimePasswordPageView', () => {
  it('when mailed, says where to and never carries the password (docs/adr/0017)', () => {
    const view = oneTimePasswordPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      account,
      oneTimePassword: 'abcd-efgh-ijkm-npqr',
      delivery: { channel: 'email', maskedAddress: 't***@sotuphap.thuathienhue.gov.vn' },
      created: true,
    });
    expect(view.password).toEqual({ mailedTo: 'Đã gửi tới t***@sotuphap.thuathienhue.gov.vn' });
    expect(JSON.stringify(view)).not.toContain('abcd-efgh');
    expect(view.shownNote).toBeNull();
    expect(view.title).toBe('Đã tạo tài khoản');
  });

  it('when shown, shows it once and tells the reader they are now its witness', () => {
    const view = oneTimePasswordPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      account,
      oneTimePassword: 'abcd-efgh-ijkm-npqr',
      delivery: { channel: 'screen' },
      created: false,
    });
    expect(view.password).toEqual({ shown: 'abcd-efgh-ijkm-npqr' });
    expect(view.shownNote?.witness).toContain('ttbhanh');
    expect(view.title).toBe('Đã cấp lại mật khẩu');
  });

  it('gives the expiry in Vietnam time and the lifetime the policy sets', () => {
    const view = oneTimePasswordPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      account,
      delivery: { channel: 'screen' },
      created: true,
    });
    expect(view.expiry).toContain('02/12/2026 10:40:05 (sau 72 giờ)');
  });
});

import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SITE } from '#tests/support/records.ts';
import { signInPageView } from './sign-in-page-view.ts';

describe('signInPageView', () => {
  it('posts back to itself carrying where to go after signing in, and keeps the username typed', () => {
    const view = signInPageView({ site: DEPARTMENT_SITE, username: 'nvan', returnTo: '/quan-tri/ho-so/?a=1' });
    expect(view.action).toBe('/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fho-so%2F%3Fa%3D1');
    expect(view.username.value).toBe('nvan');
    expect(view.password.value).toBeUndefined();
  });

  it('puts a refusal on its field and in the summary linking to it', () => {
    const errors = {
      summary: [{ fieldId: 'username', message: 'Sai tên đăng nhập hoặc mật khẩu.' }],
      byField: { username: 'Sai tên đăng nhập hoặc mật khẩu.' },
    };
    const view = signInPageView({ site: DEPARTMENT_SITE, errors });
    expect(view.username.error).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(view.errors?.items).toEqual([{ text: 'Sai tên đăng nhập hoặc mật khẩu.', href: '#username' }]);
    expect(signInPageView({ site: DEPARTMENT_SITE }).errors).toBeNull();
  });
});

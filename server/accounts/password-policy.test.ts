import { describe, expect, it } from 'vitest';
import { loadCommonPasswords } from './common-passwords.ts';
import { checkNewPassword } from './password-policy.ts';

const context = { username: 'nvan', commonPasswords: loadCommonPasswords() };

function reasonFor(password: string, username = 'nvan'): string | undefined {
  try {
    checkNewPassword(password, { ...context, username });
    return undefined;
  } catch (error) {
    const { code, data } = error as { code: string; data: { reason: string } };
    expect(code).toBe('E_WEAK_PASSWORD');
    return data.reason;
  }
}

describe('new password policy', () => {
  it('ships a common-passwords list of a few thousand entries', () => {
    expect(context.commonPasswords.size).toBeGreaterThan(3000);
  });

  it.each([
    'sông Hương chiều thu',
    'correct horse battery staple',
    'k7mq-xt3a-9pwe-r2bd',
    'Hoa phượng đỏ sân trường',
    'bốn mùa hoa phượng đỏ',
    `${'ê'.repeat(120)} núi Ngự Bình`,
  ])('accepts %s', (password) => {
    expect(reasonFor(password)).toBeUndefined();
  });

  it.each([
    ['short', 'elevenchars', 'too-short'],
    ['257 characters', 'a'.repeat(257), 'too-long'],
    ['1 MB', 'a'.repeat(1024 * 1024), 'too-long'],
    ['listed', 'matkhau123456', 'common'],
    ['listed, other case', 'MatKhau123456', 'common'],
    ['listed once folded', 'Mật khẩu 123456', 'common'],
    ['a keyboard walk', '1qaz2wsx3edc', 'common'],
    ['a digit run', '123456789012', 'common'],
    ['a word and a year', 'anhyeuem1990', 'common'],
    ['containing the username', 'toi-la-nvan-o-hue', 'contains-username'],
    ['with a control character', 'dong mot\ndong hai', 'control-characters'],
    ['one letter repeated', 'x'.repeat(64), 'repeated'],
    ['one accented letter repeated', 'é'.repeat(256), 'repeated'],
  ])('refuses a password that is %s', (_label, password, reason) => {
    expect(reasonFor(password)).toBe(reason);
  });

  it('does not apply the username rule to very short usernames', () => {
    expect(reasonFor('banana split sundae', 'an')).toBeUndefined();
  });
});

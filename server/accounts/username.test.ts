import { describe, expect, it } from 'vitest';
import { baseUsername, firstFreeUsername, givenNameThenInitials } from './username.ts';

function codeOf(fn: () => unknown): { code?: string; data?: unknown } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; data?: unknown };
  }
  throw new Error('expected an error');
}

describe('usernames (Điều 11.1a)', () => {
  it.each([
    ['Nguyễn Văn An', 'nvan'],
    ['Nguyễn Thị Minh Khai', 'ntmkhai'],
    ['Đặng Văn Đức', 'dvduc'],
    ['  Trần   Thị  Hoa ', 'tthoa'],
    ['Hoa', 'hoa'],
    ['LÊ ĐỨC THỌ', 'ldtho'],
    ['Tôn Nữ Thị Ninh', 'tntninh'],
    ['Y Moan Ênuôl', 'ymenuol'],
    ['H\u2019Hen Niê', 'hnie'],
    ['Nguyễn Phước Vĩnh-An', 'npvinhan'],
    // Decomposed input (as typed on some Mac keyboards) gives the same username.
    ['Nguye\u0302\u0303n Va\u0306n An', 'nvan'],
  ])('%s → %s', (name, expected) => {
    expect(baseUsername(name)).toBe(expected);
  });

  it('follows a configured rule', () => {
    expect(baseUsername('Nguyễn Văn An', givenNameThenInitials)).toBe('annv');
  });

  it('adds a digit suffix on collision', () => {
    expect(firstFreeUsername('nvan', new Set())).toBe('nvan');
    expect(firstFreeUsername('nvan', new Set(['nvan']))).toBe('nvan2');
    expect(firstFreeUsername('nvan', new Set(['nvan', 'nvan2', 'nvan3']))).toBe('nvan4');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345', 'no-letters'],
    ['--- ...', 'no-letters'],
    ['王小明', 'no-letters'],
    ['Nguyễn\u0000Văn An', 'control-characters'],
    ['Nguyễn\nVăn An', 'control-characters'],
    ['Nguyễn \u202eVăn An', 'control-characters'],
    [`Nguyễn Văn ${'A'.repeat(200)}`, 'too-long'],
    ['x'.repeat(1_000_000), 'too-long'],
    [`Nguyễn Văn ${'a'.repeat(40)}`, 'username-too-long'],
  ])('refuses a name (case %#) with reason %s', (name, reason) => {
    const error = codeOf(() => baseUsername(name));
    expect(error.code).toBe('E_INVALID_NAME');
    expect(error.data).toMatchObject({ reason });
  });
});

import { describe, expect, it } from 'vitest';
import { sortByVietnamese, viCollator } from './collate.ts';

describe('Vietnamese collation', () => {
  it('orders letters as the Vietnamese alphabet does', () => {
    const words = ['Yến', 'Ước', 'Uyên', 'Đức', 'Dũng', 'Ân', 'Ăn', 'An', 'Ánh', 'Ơn', 'Ông', 'Oanh', 'Ê', 'Em'];
    expect(sortByVietnamese(words)).toEqual([
      'An',
      'Ánh',
      'Ăn',
      'Ân',
      'Dũng',
      'Đức',
      'Em',
      'Ê',
      'Oanh',
      'Ông',
      'Ơn',
      'Uyên',
      'Ước',
      'Yến',
    ]);
  });

  it('orders tones after the bare letter: ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(sortByVietnamese(['má', 'mạ', 'mà', 'ma', 'mã', 'mả'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('sorts records by a key or a function, without touching the input', () => {
    const people = [{ name: 'Đào' }, { name: 'Dương' }, { name: 'Bình' }];
    expect(sortByVietnamese(people, 'name').map((p) => p.name)).toEqual(['Bình', 'Dương', 'Đào']);
    expect(sortByVietnamese(people, (p) => p.name.split(' ').at(-1)!).map((p) => p.name)).toEqual([
      'Bình',
      'Dương',
      'Đào',
    ]);
    expect(people[0].name).toBe('Đào');
  });

  it('treats NFC and NFD spellings as equal', () => {
    expect(viCollator.compare('Nguyễn', 'Nguyễn'.normalize('NFD'))).toBe(0);
  });
});

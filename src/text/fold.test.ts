import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify } from './fold.ts';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const BASE: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };
const TONES = { ngang: '', huyen: '\u0300', sac: '\u0301', hoi: '\u0309', nga: '\u0303', nang: '\u0323' };

const LETTERS = VOWELS.flatMap((vowel) =>
  Object.entries(TONES).map(([tone, mark]) => ({
    letter: (vowel + mark).normalize('NFC'),
    ascii: BASE[vowel] ?? vowel,
    tone,
  })),
);

describe('foldVietnamese', () => {
  it('covers the 72 vowel letters (12 vowels × 6 tones)', () => {
    expect(new Set(LETTERS.map(({ letter }) => letter)).size).toBe(72);
    expect(LETTERS.every(({ letter }) => [...letter].length === 1)).toBe(true);
  });

  it.each(LETTERS)('folds $letter ($tone) to $ascii, in both cases', ({ letter, ascii }) => {
    expect(foldVietnamese(letter)).toBe(ascii);
    expect(foldVietnamese(letter.toUpperCase())).toBe(ascii.toUpperCase());
  });

  it('maps Đ and đ, which NFD does not decompose', () => {
    expect(foldVietnamese('Đặng Đình Đức đi đâu')).toBe('Dang Dinh Duc di dau');
  });

  it('keeps case, spacing and punctuation', () => {
    expect(foldVietnamese('Khiếu nại, tố cáo (Điều 12)')).toBe('Khieu nai, to cao (Dieu 12)');
  });

  it('gives the same result for text typed with combining marks', () => {
    const text = 'Thừa Thiên Huế';
    expect(foldVietnamese(text.normalize('NFD'))).toBe(foldVietnamese(text));
  });
});

describe('slugify', () => {
  it.each(LETTERS)('slugs a name with $letter ($tone), upper or lower case', ({ letter, ascii }) => {
    const name = `Đinh Thị ${letter.toUpperCase()}n ${letter}`;
    expect(slugify(name)).toBe(`dinh-thi-${ascii}n-${ascii}`);
    expect(slugify(name.toUpperCase())).toBe(`dinh-thi-${ascii}n-${ascii}`);
    expect(slugify(name.normalize('NFD'))).toBe(`dinh-thi-${ascii}n-${ascii}`);
  });

  it.each([
    ['Nguyễn Văn Thưởng', 'nguyen-van-thuong'],
    ['Tôn Nữ Thủy Tiên', 'ton-nu-thuy-tien'],
    ['Đặng Hữu Phước', 'dang-huu-phuoc'],
    ['Ngô Thị Ỷ Lan', 'ngo-thi-y-lan'],
    ['Bùi Xuân Ẩn', 'bui-xuan-an'],
    ['Đoàn Thị Ửng Hồng', 'doan-thi-ung-hong'],
    ['ĐẶNG THỊ ĐÀO', 'dang-thi-dao'],
    ['Sở Tư pháp', 'so-tu-phap'],
    ['Quyết định số 2567/2007/QĐ-UBND', 'quyet-dinh-so-2567-2007-qd-ubnd'],
    ['  Điều 8. Hình thức cập nhật!  ', 'dieu-8-hinh-thuc-cap-nhat'],
  ])('slugs “%s” as %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './syllable.ts';

describe('isVietnameseSyllable', () => {
  it.each([
    'quyết',
    'định',
    'Ủy',
    'NGHĨA',
    'người',
    'rượu',
    'khuỷu',
    'ngoẹo',
    'khuya',
    'giữ',
    'gìn',
    'quýt',
    'quỳnh',
    'nguệch',
    'hoạch',
    'thuở',
    'xoong',
    'ạ',
    'ơ',
    'yêu',
    'kìa',
    'Điều',
  ])('accepts “%s”', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it('accepts both tone placements', () => {
    for (const word of ['hoà', 'hòa', 'thuỷ', 'thủy', 'khoẻ', 'khỏe']) expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    ['gibberish from TCVN3', 'Céng'],
    ['gibberish from TCVN3', 'héi'],
    ['gibberish from VNI', 'Coäng'],
    ['c before e', 'ceng'],
    ['k before a', 'ka'],
    ['ng before i', 'ngi'],
    ['two tones', 'hoàá'],
    ['a stopped rhyme without rising or heavy tone', 'tàc'],
    ['a tone on the wrong vowel', 'đâủ'],
    ['English', 'what'],
    ['English', 'and'],
    ['a bare ă', 'ă'],
  ])('rejects %s (“%s”)', (_, word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

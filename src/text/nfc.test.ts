import { describe, expect, it } from 'vitest';
import { describeCodePoints, findNonNfc, isNfc, toNfc } from './nfc.ts';

const TEXT = 'Quyết định số 2567/2007/QĐ-UBND của Ủy ban nhân dân tỉnh Thừa Thiên Huế';

describe('NFC helpers', () => {
  it('turns combining marks into precomposed letters', () => {
    const decomposed = TEXT.normalize('NFD');
    expect(decomposed).not.toBe(TEXT);
    expect(toNfc(decomposed)).toBe(TEXT);
    expect(isNfc(decomposed)).toBe(false);
    expect(isNfc(TEXT)).toBe(true);
  });

  it('reports nothing for NFC text', () => {
    expect(findNonNfc(TEXT)).toEqual([]);
    expect(findNonNfc('What’s new?')).toEqual([]);
  });

  it('points at each letter typed with combining marks, by line and column', () => {
    const text = `Việt Nam\nđơn vị ${'Tiếng Việt'.normalize('NFD')}`;
    const issues = findNonNfc(text);
    expect(issues.map(({ line, column, expected }) => ({ line, column, expected }))).toEqual([
      { line: 2, column: 10, expected: 'ế' },
      { line: 2, column: 18, expected: 'ệ' },
    ]);
    expect(issues[0].found).toBe('e\u0302\u0301');
    expect(text.slice(issues[0].index, issues[0].index + 3)).toBe('e\u0302\u0301');
  });

  it('counts lines the same way for CRLF files', () => {
    const [issue] = findNonNfc(`a\r\nb\r\n${'ở'.normalize('NFD')}`);
    expect(issue).toMatchObject({ line: 3, column: 1 });
  });

  it('finds characters NFC replaces on their own (deprecated Vietnamese tone marks)', () => {
    const [issue] = findNonNfc('a\u0341');
    expect(issue.expected).toBe('á');
  });

  it('spells code points out for messages', () => {
    expect(describeCodePoints('e\u0302\u0301')).toBe('U+0065 U+0302 U+0301');
  });
});

import { describe, expect, it } from 'vitest';
import { findTextProblems } from '#src/text/index.ts';
import { legacyFixtureName, readFixture } from './helpers/fixtures.ts';

describe('findTextProblems', () => {
  it('finds nothing in clean Unicode or English', () => {
    expect(findTextProblems(readFixture('corpus.unicode.txt'))).toEqual([]);
    expect(findTextProblems(readFixture('english.txt'))).toEqual([]);
  });

  it('reports a line typed with combining marks once, at its first such letter', () => {
    const text = `---\ntitle: Thông báo\n---\nSở ${'Tư pháp tiếp nhận'.normalize('NFD')}\n`;
    const problems = findTextProblems(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, column: 5, kind: 'not-nfc' });
    expect(problems[0].message).toContain('“ư”');
    expect(problems[0].message).toContain('NFC');
  });

  it('reports a pasted TCVN3 line with what it should read', () => {
    const text = '# Thông báo\n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nĐây là tiếng Việt.';
    const problems = findTextProblems(text);
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, column: 1, kind: 'legacy-encoding', encoding: 'tcvn3' }),
    ]);
    expect(problems[0].message).toContain('TCVN3 (ABC)');
    expect(problems[0].message).toContain('“Cộng hoà xã hội chủ nghĩa Việt Nam”');
  });

  it('points at the first converted word of a line', () => {
    const [problem] = findTextProblems('Đây là tiếng Việt.\nTheo Quy chÕ cña Së');
    expect(problem).toMatchObject({ line: 2, column: 10, kind: 'legacy-encoding' });
  });

  it('reports every line of a legacy file, naming the encoding', () => {
    for (const encoding of ['tcvn3', 'vni', 'viqr'] as const) {
      const problems = findTextProblems(readFixture(legacyFixtureName(encoding)));
      expect(new Set(problems.map((p) => p.encoding))).toEqual(new Set([encoding]));
      expect(problems.length).toBeGreaterThan(200);
      expect(problems.every((p) => p.kind === 'legacy-encoding')).toBe(true);
    }
  });

  it('names the encoding of each line when an article mixes several', () => {
    const text = "Đây là tiếng Việt.\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nVie^.t Nam la` mo^.t nu+o+'c.";
    expect(findTextProblems(text).map((p) => [p.line, p.encoding])).toEqual([
      [2, 'tcvn3'],
      [3, 'viqr'],
    ]);
  });

  it('writes its messages in Vietnamese', () => {
    const [problem] = findTextProblems('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(problem.message).toMatch(/^Dòng này được gõ bằng mã VNI-Windows, không phải Unicode/);
  });
});

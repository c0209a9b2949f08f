import { describe, expect, it } from 'vitest';
import { diffVersions, diffWords, tokens } from './version-diff.ts';

const entry = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2024-12-20\n${extra}---\n\n${body}\n`;

describe('diffWords (docs/adr/0092)', () => {
  it('changes whole Vietnamese words, never letters or marks', () => {
    expect(diffWords('Hội nghị tổng kết', 'Hội thảo tổng kết')).toEqual([
      { kind: 'same', text: 'Hội ' },
      { kind: 'removed', text: 'nghị' },
      { kind: 'added', text: 'thảo' },
      { kind: 'same', text: ' tổng kết' },
    ]);
  });

  it('compares in NFC, so the same words typed decomposed are the same', () => {
    const decomposed = 'Thừa Thiên Huế'.normalize('NFD');
    expect(diffWords('Thừa Thiên Huế', decomposed)).toEqual([{ kind: 'same', text: 'Thừa Thiên Huế' }]);
    expect(tokens(decomposed)).toEqual(['Thừa', ' ', 'Thiên', ' ', 'Huế']);
  });
});

describe('diffVersions', () => {
  it('lists changed fields and the body’s changed words, and says when nothing changed', () => {
    const diff = diffVersions(
      entry('Hội nghị năm 2024', 'Sáng 20/12, Sở tổ chức hội nghị.'),
      entry('Hội nghị năm 2025', 'Sáng 21/12, Sở tổ chức hội nghị.', 'urgent: true\n'),
    );
    expect(diff.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['title', 'Hội nghị năm 2024', 'Hội nghị năm 2025'],
      ['urgent', null, 'true'],
    ]);
    expect(diff.body.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '20' },
      { kind: 'added', text: '21' },
    ]);
    expect(diff.same).toBe(false);
    expect(diffVersions(entry('A', 'B'), entry('A', 'B')).same).toBe(true);
  });

  it('compares a version that cannot be parsed as text instead of failing', () => {
    expect(diffVersions('không có front matter', entry('A', 'B')).same).toBe(false);
  });
});

describe('diffWords on several words', () => {
  it('reads a change of several words as one removal and one addition', () => {
    expect(diffWords('tổ chức hội nghị tại Huế.', 'tổ chức hội thảo trực tuyến.')).toEqual([
      { kind: 'same', text: 'tổ chức hội ' },
      { kind: 'removed', text: 'nghị tại Huế' },
      { kind: 'added', text: 'thảo trực tuyến' },
      { kind: 'same', text: '.' },
    ]);
  });
});

describe('diffWords on an entry rewritten from end to end', () => {
  it('shows the change whole instead of working word by word without end', () => {
    const words = (seed: string) => Array.from({ length: 8_000 }, (_, i) => `${seed}${i % 97}`).join(' ');
    expect(diffWords(words('cũ'), words('mới'))).toEqual([
      { kind: 'removed', text: words('cũ') },
      { kind: 'added', text: words('mới') },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseSubmittedFields } from './submitted-text.ts';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/text', name), 'utf8').split('\n');

describe('text a citizen or an editor submits', () => {
  it('converts a field typed in TCVN3 and keeps what was typed', () => {
    const unicode = fixture('corpus.unicode.txt');
    const tcvn3 = fixture('corpus.tcvn3.txt');
    const i = unicode.findIndex((line) => line.length > 40);
    const { fields, conversions } = normaliseSubmittedFields({
      content: tcvn3[i]!,
      phone: '0905123456',
      consent: true,
    });
    expect(fields.content).toBe(unicode[i]);
    expect(fields.consent).toBe(true);
    expect(conversions).toEqual([expect.objectContaining({ field: 'content', encoding: 'tcvn3', original: tcvn3[i] })]);
    expect(conversions[0]!.message).toMatch(/TCVN3/);
  });

  it('normalises combining marks silently and leaves Unicode and English alone', () => {
    const decomposed = 'Khiếu nại về thủ tục đăng ký'.normalize('NFD');
    const { fields, conversions } = normaliseSubmittedFields({ title: decomposed, note: "What's new? e.g. U.S." });
    expect(fields.title).toBe('Khiếu nại về thủ tục đăng ký');
    expect(fields.note).toBe("What's new? e.g. U.S.");
    expect(conversions).toEqual([]);
  });
});

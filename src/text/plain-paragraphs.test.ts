import { describe, expect, it } from 'vitest';
import { plainParagraphs } from './plain-paragraphs.ts';

describe('plainParagraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(plainParagraphs('Kính gửi Sở,\r\nTôi xin hỏi.\n\n  \nXin cảm ơn.\n')).toEqual([
      ['Kính gửi Sở,', 'Tôi xin hỏi.'],
      ['Xin cảm ơn.'],
    ]);
  });

  it('keeps markup characters as they were typed', () => {
    expect(plainParagraphs('export default function X() {}\n<script>alert(1)</script>')).toEqual([
      ['export default function X() {}', '<script>alert(1)</script>'],
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(plainParagraphs(' \n\n\t\n')).toEqual([]);
  });
});

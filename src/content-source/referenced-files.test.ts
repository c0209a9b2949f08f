import { describe, expect, it } from 'vitest';
import { referencedFiles } from './referenced-files.ts';

const entry = (frontmatter: string, body: string) => `---\ntitle: Quyết định số 14\n${frontmatter}\n---\n\n${body}\n`;

describe('referencedFiles', () => {
  it('finds file fields of the front-matter, at any depth', () => {
    const raw = entry(
      'attachment: { label: Toàn văn, file: /tep/2023/qd-14.pdf }\nforms:\n  - { label: Mẫu đơn, file: /tep/van-ban/qd-14/mau-don.docx }\nimage: { src: /tep/tin-tuc/a/anh.png, alt: Ảnh }',
      'Nội dung.',
    );
    expect(referencedFiles(raw).sort()).toEqual(['/tep/2023/qd-14.pdf', '/tep/tin-tuc/a/anh.png', '/tep/van-ban/qd-14/mau-don.docx']);
  });

  it('finds links, images, definitions and the Attachment and Figure components of the body', () => {
    const body = [
      'Xem [toàn văn](/tep/a/toan-van.pdf#page=2) và ![ảnh](/tep/a/anh.jpg "Ảnh").',
      '',
      '[phu-luc]: /tep/a/phu-luc.pdf',
      '',
      '<Attachment file="/tep/a/mau-don.docx" label="Mẫu đơn" />',
      '',
      '<Figure src="/tep/a/so-do.png" alt="Sơ đồ" />',
    ].join('\n');
    expect(referencedFiles(entry('', body)).sort()).toEqual(['/tep/a/anh.jpg', '/tep/a/mau-don.docx', '/tep/a/phu-luc.pdf', '/tep/a/so-do.png', '/tep/a/toan-van.pdf']);
  });

  it('ignores other addresses, and a path merely written in the text', () => {
    const body = 'Trang [chủ](/), [luật](https://thuvienphapluat.vn/tep/x.pdf), tệp /tep/a/x.pdf và `[/tep/a/y.pdf]`.';
    expect(referencedFiles(entry('summary: Xem tệp /tep/a/z.pdf', body))).toEqual([]);
  });

  it('uses nothing when the front-matter does not parse', () => {
    expect(referencedFiles('---\ntitle: [\n---\n[a](/tep/a.pdf)')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { referencedFiles } from './referenced-files.ts';

const entry = (frontmatter: string, body = 'Nội dung.') =>
  `---\ntitle: Quyết định số 14\n${frontmatter}\n---\n\n${body}\n`;

describe('referencedFiles', () => {
  it('finds the file fields of each section’s schema, at any depth', () => {
    expect(referencedFiles(entry('attachment: { label: Toàn văn, file: /tep/2023/qd-14.pdf }'), 'van-ban')).toEqual([
      '/tep/2023/qd-14.pdf',
    ]);
    const procedure = entry(
      'documents:\n  - { name: Đơn, template: { label: Mẫu đơn, file: /tep/thu-tuc-hanh-chinh/a/don.docx } }\nforms:\n  - { label: Tờ khai, file: /tep/thu-tuc-hanh-chinh/a/to-khai.pdf }',
    );
    expect(referencedFiles(procedure, 'thu-tuc-hanh-chinh').sort()).toEqual([
      '/tep/thu-tuc-hanh-chinh/a/don.docx',
      '/tep/thu-tuc-hanh-chinh/a/to-khai.pdf',
    ]);
    expect(referencedFiles(entry('image: { src: /tep/tin-tuc/a/anh.png, alt: Ảnh }'), 'tin-tuc')).toEqual([
      '/tep/tin-tuc/a/anh.png',
    ]);
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
    expect(referencedFiles(entry('', body), 'tin-tuc').sort()).toEqual([
      '/tep/a/anh.jpg',
      '/tep/a/mau-don.docx',
      '/tep/a/phu-luc.pdf',
      '/tep/a/so-do.png',
      '/tep/a/toan-van.pdf',
    ]);
  });

  it('ignores other addresses, and a path merely written in text or in a text field', () => {
    const body = 'Trang [chủ](/), [luật](https://thuvienphapluat.vn/tep/x.pdf), tệp /tep/a/x.pdf và `[/tep/a/y.pdf]`.';
    expect(referencedFiles(entry('summary: /tep/a/z.pdf', body), 'tin-tuc')).toEqual([]);
  });

  it('uses nothing when the front-matter does not parse', () => {
    expect(referencedFiles('---\ntitle: [\n---\n[a](/tep/a.pdf)', 'tin-tuc')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAFE_NAME_FUNCTION } from '../cms/upload-names.ts';
import {
  checkMediaFile,
  entryOfMediaPath,
  isSafeMediaName,
  mediaFileProblem,
  mediaResponseHeaders,
  safeMediaName,
} from './media-policy.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/files', name)));
const text = (s: string) => new TextEncoder().encode(s);

const refusal = (code: string, data: Record<string, unknown> = {}) =>
  expect.objectContaining({ code, data: expect.objectContaining(data) });

describe('the kinds a department site publishes, recognised by their bytes', () => {
  it.each([
    ['sample.pdf', 'qd-14.pdf', 'pdf'],
    ['sample.png', 'anh.png', 'png'],
    ['sample.jpg', 'anh.jpg', 'jpeg'],
    ['sample.jpg', 'anh.jpeg', 'jpeg'],
    ['sample.gif', 'anh.gif', 'gif'],
    ['sample.webp', 'anh.webp', 'webp'],
    ['sample.docx', 'mau-don.docx', 'docx'],
    ['sample.xlsx', 'bang-gia.xlsx', 'xlsx'],
    ['sample.pptx', 'bao-cao.pptx', 'pptx'],
    ['sample.odt', 'mau-don.odt', 'odt'],
    ['spreadsheet.ods', 'bang-gia.ods', 'ods'],
  ])('accepts %s named %s as %s', (file, name, kind) => {
    expect(checkMediaFile(`content/sotuphap/tep/tin-tuc/bai/${name}`, fixture(file))).toBe(kind);
  });

  it.each([
    ['p.html', '<!doctype html><script>fetch("/quan-tri/api")</script>'],
    ['p.js', 'fetch("/quan-tri/api/tai-khoan", { method: "POST" })'],
    ['x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['du-lieu.xml', '<?xml version="1.0"?><a/>'],
    ['kieu.css', 'body { background: url(javascript:alert(1)) }'],
    ['tep.zip', 'PK'],
    ['chay.exe', 'MZ'],
    ['khong-duoi', '%PDF-1.4'],
  ])('refuses %s whatever its bytes', (name, content) => {
    expect(() => checkMediaFile(`content/sotuphap/tep/${name}`, text(content))).toThrow(
      refusal('E_MEDIA_TYPE_NOT_ALLOWED'),
    );
  });

  it.each([
    ['html-page.pdf', 'don.pdf'],
    ['png-renamed.pdf', 'don.pdf'],
    ['truncated.pdf', 'don.pdf'],
    ['sample.pdf', 'anh.png'],
    ['archive.zip', 'mau.docx'],
    ['sample.xlsx', 'mau.docx'],
  ])('refuses %s named %s: the bytes are not what the name says', (file, name) => {
    expect(() => checkMediaFile(`content/sotuphap/tep/${name}`, fixture(file))).toThrow(
      refusal('E_MEDIA_CONTENT_MISMATCH'),
    );
  });

  it.each([
    ['polyglot.png', 'anh.png', 'markup'],
    ['zip-after.png', 'anh.png', 'trailing-data'],
    ['script.pdf', 'qd.pdf', 'pdf-script'],
    ['macro.docx', 'mau.docx', 'macros'],
    ['macro.xlsx', 'bang.xlsx', 'macros'],
  ])('refuses %s: a real %s that is also something else (%s)', (file, name, reason) => {
    expect(() => checkMediaFile(`content/sotuphap/tep/${name}`, fixture(file))).toThrow(
      refusal('E_MEDIA_HIDDEN_CONTENT', { reason }),
    );
  });

  it('refuses a name that is not lower-case ASCII words and hyphens, suggesting one', () => {
    for (const name of ['bao_cao.pdf', 'bao.cao.pdf', 'bao~cao.pdf', 'BaoCao.pdf']) {
      expect(() => checkMediaFile(`content/sotuphap/tep/${name}`, fixture('sample.pdf'))).toThrow(
        refusal('E_MEDIA_NAME_NOT_SAFE'),
      );
    }
    // A file kept at the name it has on main (a legacy path) is not renamed.
    expect(checkMediaFile('content/sotuphap/tep/2023/qd_14.pdf', fixture('sample.pdf'), { safeName: false })).toBe(
      'pdf',
    );
  });

  it('the build skips rather than stops, with the code of the rule', () => {
    expect(mediaFileProblem('2023/qd_14.pdf', fixture('sample.pdf'))).toBeNull();
    expect(mediaFileProblem('2023/p.html', text('<script>'))).toBe('E_MEDIA_TYPE_NOT_ALLOWED');
    expect(mediaFileProblem('2023/p.pdf', fixture('html-page.pdf'))).toBe('E_MEDIA_CONTENT_MISMATCH');
  });
});

describe('names and folders', () => {
  it('makes a safe name from the uploaded one, Vietnamese folded', () => {
    expect(safeMediaName('Quyết định số 14_2023 (bản ký).PDF')).toBe('quyet-dinh-so-14-2023-ban-ky.pdf');
    expect(safeMediaName('Ảnh hội nghị.JPEG')).toBe('anh-hoi-nghi.jpeg');
    expect(safeMediaName('đề án.docx')).toBe('de-an.docx');
    expect(safeMediaName('???.pdf')).toBe('tep.pdf');
  });

  it('renames a file picked in Decap exactly as the server names it, so the name is accepted', () => {
    const inBrowser = new Function(`return ${SAFE_NAME_FUNCTION}`)() as (name: string) => string;
    for (const name of [
      'QD_14_2023.pdf',
      'Quyết định số 14 (bản ký).PDF',
      'Ảnh hội nghị.JPEG',
      'bao.cao.quy.3.xlsx',
      'Đề án~2026.docx',
      '???.png',
    ]) {
      expect(inBrowser(name)).toBe(safeMediaName(name));
      expect(isSafeMediaName(inBrowser(name))).toBe(true);
    }
  });

  it("knows the entry whose folder holds a file, and that a year folder is nobody's", () => {
    expect(entryOfMediaPath('sotuphap', 'content/sotuphap/tep/van-ban/qd-14/qd.pdf')).toEqual({
      section: 'van-ban',
      slug: 'qd-14',
    });
    expect(entryOfMediaPath('sotuphap', 'content/sotuphap/tep/2023/qd.pdf')).toBeNull();
    expect(entryOfMediaPath('sotuphap', 'content/sotuphap/tep/van-ban/qd.pdf')).toBeNull();
    expect(entryOfMediaPath('sotuphap', 'content/soyte/tep/van-ban/qd-14/qd.pdf')).toBeNull();
  });
});

describe('headers of a served file', () => {
  it('shows images and PDF, downloads office documents, and serves nothing else', () => {
    expect(mediaResponseHeaders('qd.pdf')).toEqual({ 'Content-Type': 'application/pdf' });
    expect(mediaResponseHeaders('anh.webp')).toEqual({ 'Content-Type': 'image/webp' });
    expect(mediaResponseHeaders('mau don".docx')).toMatchObject({
      'Content-Disposition': 'attachment; filename="mau_don_.docx"',
    });
    for (const name of ['p.html', 'p.js', 'x.svg', 'a.xml', 'b.zip', 'c'])
      expect(mediaResponseHeaders(name)).toBeNull();
  });
});

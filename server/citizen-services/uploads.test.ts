import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkFile,
  checkFiles,
  contentDisposition,
  isStorageName,
  safeFileName,
  sniffFileKind,
  storageName,
} from '#server/citizen-services/uploads.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/files', name)));

function errorOf(fn: () => unknown): { code?: string; data?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; data?: Record<string, unknown> };
  }
  return {};
}

describe('recognising attachments by their bytes', () => {
  it.each([
    ['sample.pdf', 'pdf', 'application/pdf'],
    ['sample.jpg', 'jpeg', 'image/jpeg'],
    ['sample.png', 'png', 'image/png'],
    ['sample.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['sample.odt', 'odt', 'application/vnd.oasis.opendocument.text'],
  ])('accepts %s as %s', (name, kind, mediaType) => {
    expect(sniffFileKind(fixture(name))).toBe(kind);
    expect(checkFile(name, fixture(name))).toMatchObject({ kind, mediaType, displayName: name });
  });

  it('accepts a JPEG named .jpeg and an upper-case extension', () => {
    expect(checkFile('ANH CHUP.JPEG', fixture('sample.jpg')).kind).toBe('jpeg');
    expect(checkFile('Scan.PDF', fixture('sample.pdf')).kind).toBe('pdf');
  });

  it('refuses a PNG renamed .pdf, saying what it really is', () => {
    const error = errorOf(() => checkFile('png-renamed.pdf', fixture('png-renamed.pdf')));
    expect(error.code).toBe('E_FILE_TYPE_MISMATCH');
    expect(error.data).toMatchObject({ detected: 'png', extension: 'pdf' });
  });

  it('refuses a PDF named as an image and a file without extension', () => {
    expect(errorOf(() => checkFile('anh.png', fixture('sample.pdf'))).code).toBe('E_FILE_TYPE_MISMATCH');
    expect(errorOf(() => checkFile('don', fixture('sample.pdf'))).code).toBe('E_FILE_TYPE_MISMATCH');
  });

  it.each(['html-page.pdf', 'truncated.pdf', 'archive.zip', 'mimetype-second.odt', 'spreadsheet.ods'])(
    'refuses %s as unknown content',
    (name) => {
      const error = errorOf(() => checkFile(name, fixture(name)));
      expect(error.code).toBe('E_UNSUPPORTED_FILE');
      expect(error.data).toMatchObject({ reason: 'unknown-content' });
    },
  );

  it('refuses a macro-enabled document named .docx', () => {
    const error = errorOf(() => checkFile('macro.docx', fixture('macro.docx')));
    expect(error.code).toBe('E_UNSUPPORTED_FILE');
    expect(error.data).toMatchObject({ reason: 'macro-enabled' });
  });

  it('refuses an empty file and damaged zips without throwing anything else', () => {
    expect(errorOf(() => checkFile('rong.pdf', new Uint8Array())).data).toMatchObject({ reason: 'empty' });
    const docx = fixture('sample.docx');
    for (const cut of [4, 30, 100, docx.length - 30, docx.length - 1]) {
      expect(errorOf(() => checkFile('cat.docx', docx.subarray(0, cut))).code, String(cut)).toBe('E_UNSUPPORTED_FILE');
    }
    const scrambled = new Uint8Array(docx);
    scrambled.fill(0xff, docx.length - 22 + 16, docx.length - 22 + 20);
    expect(errorOf(() => checkFile('hong.docx', scrambled)).code).toBe('E_UNSUPPORTED_FILE');
  });
});

describe('size limits', () => {
  const limits = { maxFileBytes: 1_000, maxTotalBytes: 1_500, maxFiles: 3 };

  it('refuses a file above the per-file limit', () => {
    const big = new Uint8Array(1_001);
    big.set(fixture('sample.png'));
    const error = errorOf(() => checkFile('lon.png', big, limits));
    expect(error.code).toBe('E_FILE_TOO_LARGE');
    expect(error.data).toMatchObject({ maxBytes: 1_000 });
  });

  it('refuses a submission above the total or the file count', () => {
    const pdf = { fileName: 'a.pdf', bytes: fixture('sample.pdf') };
    expect(checkFiles([pdf, pdf], limits)).toHaveLength(2);
    expect(errorOf(() => checkFiles([pdf, pdf, pdf], limits)).code).toBe('E_ATTACHMENTS_TOO_LARGE');
    const png = { fileName: 'b.png', bytes: fixture('sample.png') };
    expect(errorOf(() => checkFiles([png, png, png, png], limits)).code).toBe('E_ATTACHMENTS_TOO_LARGE');
  });
});

describe('names', () => {
  it('stores under a server-made name that cannot leave the upload folder', () => {
    const names = new Set(Array.from({ length: 500 }, () => storageName('pdf')));
    expect(names.size).toBe(500);
    for (const name of names) expect(isStorageName(name)).toBe(true);
    expect(storageName('jpeg')).toMatch(/\.jpg$/);
    for (const bad of [
      '../etc/passwd',
      'abc.pdf',
      `${'a'.repeat(26)}.exe`,
      `${'a'.repeat(26)}.pdf/..`,
      `${'A'.repeat(26)}.pdf`,
    ]) {
      expect(isStorageName(bad), bad).toBe(false);
    }
  });

  it('keeps the citizen’s Vietnamese name, without folders, controls or a false extension', () => {
    expect(safeFileName('Đơn khiếu nại.pdf', 'pdf')).toBe('Đơn khiếu nại.pdf');
    expect(safeFileName('Đơn khiếu nại.pdf'.normalize('NFD'), 'pdf')).toBe('Đơn khiếu nại.pdf');
    expect(safeFileName('C:\\Users\\hoa\\Ảnh chụp.png', 'png')).toBe('Ảnh chụp.png');
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('hoa\u202Egnp.pdf', 'pdf')).toBe('hoa_gnp.pdf');
    expect(safeFileName('scan.jpeg', 'png')).toBe('scan.png');
    expect(safeFileName('.pdf', 'pdf')).toBe('tep-dinh-kem.pdf');
    expect([...safeFileName(`${'ễ'.repeat(300)}.pdf`, 'pdf')].length).toBe(124);
  });

  it('offers downloads under the Vietnamese name with an ASCII fallback (RFC 5987, RFC 6266)', () => {
    const header = contentDisposition('Đơn khiếu nại (bản 2).pdf', 'pdf');
    expect(header).toBe(
      `attachment; filename="Don khieu nai (ban 2).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20khi%E1%BA%BFu%20n%E1%BA%A1i%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(contentDisposition('a"b?c.pdf', 'pdf', 'inline')).toBe(
      `inline; filename="a_b_c.pdf"; filename*=UTF-8''a_b_c.pdf`,
    );
    expect(contentDisposition("it's (1)*.pdf", 'pdf')).toContain(`filename*=UTF-8''it%27s%20%281%29_.pdf`);
    expect(contentDisposition('báo cáo\r\nSet-Cookie: x=1.pdf', 'pdf')).not.toMatch(/[\r\n]/);
  });
});

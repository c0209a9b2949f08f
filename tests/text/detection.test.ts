import { describe, expect, it } from 'vitest';
import { convertToUnicode, detectEncoding, UnknownEncodingError } from '#src/text/index.ts';

describe('samples officials paste', () => {
  it.each([
    ['tcvn3', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['tcvn3', '§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['tcvn3', 'Uû ban nh©n d©n tØnh Thõa Thiªn HuÕ', 'Uỷ ban nhân dân tỉnh Thừa Thiên Huế'],
    ['tcvn3', 'ViÖt Nam', 'Việt Nam'],
    ['tcvn3', 'n­íc s¹ch', 'nước sạch'],
    ['vni', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['vni', 'UÛY BAN NHAÂN DAÂN TÆNH THÖØA THIEÂN HUEÁ', 'ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ'],
    ['viqr', 'Vie^.t Nam', 'Việt Nam'],
    ['viqr', "Tie^'ng Vie^.t", 'Tiếng Việt'],
    ['viqr', "DDo^.c la^.p - Tu+. do - Ha.nh phu'c", 'Độc lập - Tự do - Hạnh phúc'],
    ['viqr', 'Anh ddi dda^u?', 'Anh đi đâu?'],
    [
      'viqr',
      "So^' 385/SGDDDT-GDTH cu?a So+? Gia'o du.c va` DDa`o ta.o",
      'Số 385/SGDĐT-GDTH của Sở Giáo dục và Đào tạo',
    ],
  ])('reads %s “%s”', (encoding, pasted, unicode) => {
    expect(convertToUnicode(pasted)).toEqual({ text: unicode, encoding, changed: true });
  });

  it('brings back capitals typed in the .VnTimeH font with lower-case codes', () => {
    expect(convertToUnicode('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM').text).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('reads the Windows-1252 letters of TCVN3 capitals and keeps its punctuation', () => {
    expect(convertToUnicode('žy ban nh©n d©n – “Th«ng b¸o”', { from: 'tcvn3' }).text).toBe(
      'Ủy ban nhân dân – “Thông báo”',
    );
  });
});

describe('no false alarms', () => {
  it.each([
    "What's new?",
    'e.g. the editors',
    'U.S. and U.K.',
    'i.e. webmasters',
    'README.md, index.mdx, data.csv',
    'https://www.example.com/a.b?c=d',
    'admin@example.org',
    'const re = /^a+$/; f(a(b));',
    'O+ and A+ donors',
    "I'm sure. Go? No. So? To do.",
    'dd/mm/yyyy',
    'naïve café résumé',
    'São Paulo, Zoë, Müller, Señor Muñoz',
    '5 µm, © 2024, Home · About',
    'U+1EA0 and U+0300',
    'DDoS on DDR4',
    'Tôi là ai',
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Lê Lợi',
    'Hà Nội',
    'có',
    'Ông Bà',
  ])('leaves “%s” alone', (text) => {
    expect(convertToUnicode(text)).toEqual({ text, encoding: 'unicode', changed: false });
    expect(detectEncoding(text)).toBe('unicode');
  });

  it('does not decide between two encodings that read a text equally well', () => {
    // "Löu" is VNI for "Lưu" and TCVN3 for "Lửu".
    expect(detectEncoding('Löu')).toBe('unicode');
  });

  it('keeps the Unicode paragraphs of a document that also holds a TCVN3 paragraph', () => {
    const text =
      'Đây là tiếng Việt.\nDòng 2\n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nSè: 12/Q§-UBND\n\nTôi là ai\nDòng 7';
    expect(convertToUnicode(text).text).toBe(
      'Đây là tiếng Việt.\nDòng 2\n\nCộng hoà xã hội chủ nghĩa Việt Nam\nSố: 12/QĐ-UBND\n\nTôi là ai\nDòng 7',
    );
  });

  it('finds a pasted line under the front matter of an article', () => {
    const frontMatter = [
      '---',
      'title: Kế hoạch xúc tiến đầu tư năm 2026',
      'number: 58/KH-UBND',
      'documentType: ke-hoach',
      'issued: 2026-01-20',
      'status: con-hieu-luc',
      'attachment:',
      '  file: /tep/2026/kh-58.pdf',
      '---',
      '',
    ].join('\n');
    const result = convertToUnicode(`${frontMatter}\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nĐây là tiếng Việt.`);
    expect(result).toEqual({
      text: `${frontMatter}\nCộng hoà xã hội chủ nghĩa Việt Nam\nĐây là tiếng Việt.`,
      encoding: 'tcvn3',
      changed: true,
    });
  });

  it('converts an article pasted together from documents in different encodings', () => {
    const text =
      "Đây là tiếng Việt.\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nVie^.t Nam la` mo^.t nu+o+'c.\nCoäng hoøa xaõ hoäi";
    expect(convertToUnicode(text)).toEqual({
      text: 'Đây là tiếng Việt.\nCộng hoà xã hội chủ nghĩa Việt Nam\nViệt Nam là một nước.\nCộng hòa xã hội',
      encoding: 'tcvn3',
      changed: true,
    });
  });

  it('leaves English words of a VIQR document as typed', () => {
    const text =
      "Ho^.i nghi. trie^?n khai di.ch vu. co^ng.\nCa'c ta`i lie^.u, e.g. file.txt, xem ta.i https://hue.gov.vn ho^m nay.";
    expect(convertToUnicode(text).text).toBe(
      'Hội nghị triển khai dịch vụ công.\nCác tài liệu, e.g. file.txt, xem tại https://hue.gov.vn hôm nay.',
    );
  });

  it('reads a final "." as a tone where that makes a syllable, as headings need', () => {
    expect(convertToUnicode("DDie^`u 3. DDi.a chi? Website cu?a ca'c ddo+n vi.").text).toBe(
      'Điều 3. Địa chỉ Website của các đơn vị',
    );
    expect(convertToUnicode("Co' pha?i ba.n ddi kha'm be^.nh kho^ng? Ba.n ddi dda^u?").text).toBe(
      'Có phải bạn đi khám bệnh không? Bạn đi đâu?',
    );
  });

  it('honours the RFC 1456 escape for literal punctuation', () => {
    expect(convertToUnicode('Ba.n ddi\\. Ve^` nha`\\.').text).toBe('Bạn đi. Về nhà.');
  });
});

describe('options', () => {
  it('only normalises when told the text is Unicode', () => {
    expect(convertToUnicode('Céng hoµ', { from: 'unicode' })).toEqual({
      text: 'Céng hoµ',
      encoding: 'unicode',
      changed: false,
    });
  });

  it('never decodes lines holding genuine Unicode letters, even when told the encoding', () => {
    expect(convertToUnicode('Tiếng Việt', { from: 'vni' }).text).toBe('Tiếng Việt');
  });

  it('refuses an unknown encoding with a stable code', () => {
    expect(() => convertToUnicode('x', { from: 'abc' as never })).toThrow(UnknownEncodingError);
    try {
      convertToUnicode('x', { from: 'abc' as never });
    } catch (error) {
      expect((error as UnknownEncodingError).code).toBe('UNKNOWN_ENCODING');
      expect((error as UnknownEncodingError).data.encoding).toBe('abc');
    }
  });
});

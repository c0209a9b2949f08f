/**
 * Diacritic folding for Vietnamese: the form citizens type on phones
 * ("khieu nai" for "khiếu nại", "dang ky" for "đăng ký").
 *
 * Đ/đ is a letter of its own in Unicode, not d + a combining mark, so NFD
 * decomposition does not strip it: it is mapped explicitly.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Removes tone and vowel marks and maps đ→d, keeping case and length in code points. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Lower-case ASCII words joined by hyphens: "Sở Tư pháp" → "so-tu-phap". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

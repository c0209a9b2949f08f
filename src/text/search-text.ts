/**
 * The one mapping between displayed text and the text in the Pagefind index,
 * shared by the index builder and the search page so the two cannot drift.
 *
 * Citizens type without diacritics ("dang ky" for "đăng ký"). Pagefind strips
 * combining marks, which folds tone and vowel marks, but Đ/đ is a letter of its
 * own in Unicode and survives. The index therefore stores every đ as `d`
 * followed by U+0335 COMBINING SHORT STROKE OVERLAY: it still looks like đ,
 * Pagefind strips the mark, and "dang" matches. The query is folded the same
 * way, and what comes back is turned into the real letter before display.
 */
const STROKE = '\u0335';

/** Text as the index stores it: đ → d + U+0335, Đ → D + U+0335. */
export function toIndexText(text: string): string {
  return text.normalize('NFC').replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/** Index text (titles, excerpts) back to the letters a reader expects. */
export function fromIndexText(text: string): string {
  return text.replace(/d\u0335/g, 'đ').replace(/D\u0335/g, 'Đ');
}

/**
 * A query as typed → what Pagefind should look up. Only đ/Đ need help; the
 * other marks Pagefind folds itself, and keeping them lets it rank exact
 * spellings first.
 */
export function foldQuery(query: string): string {
  return query.normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D').trim();
}

/**
 * zxcvbn's suggestions (English keys) as Vietnamese sentences, so a refused
 * password comes with what to do instead (docs/adr/0019). The keys are those
 * of @zxcvbn-ts/core's translation table.
 */
const ADVICE: Record<string, string> = {
  useWords: 'Hãy dùng một cụm gồm vài từ không liền nghĩa, ví dụ "sông Hương chiều thu mưa bay".',
  noNeed: 'Không cần ký hiệu, chữ số hay chữ hoa: một cụm từ dài là đủ.',
  anotherWord: 'Hãy thêm một hai từ ít gặp nữa.',
  capitalization: 'Viết hoa chữ cái đầu không làm mật khẩu khó đoán hơn bao nhiêu.',
  allUppercase: 'Viết hoa toàn bộ cũng dễ đoán như viết thường.',
  reverseWords: 'Viết ngược một từ quen thuộc không làm nó khó đoán hơn.',
  l33t: 'Thay chữ bằng số hay ký hiệu (như "@" thay "a") không làm mật khẩu khó đoán hơn.',
  dates: 'Tránh ngày tháng và năm gắn với bạn.',
  recentYears: 'Tránh các năm gần đây.',
  associatedYears: 'Tránh các năm gắn với bạn, như năm sinh.',
  sequences: 'Tránh các dãy liên tiếp như "abc" hay "123".',
  repeated: 'Tránh lặp lại một từ hay một ký tự.',
  longerKeyboardPattern: 'Tránh các đường gõ trên bàn phím.',
  pwned: 'Mật khẩu này đã bị lộ ở nơi khác: hãy chọn mật khẩu mới.',
};

/** " Hãy … Tránh …" appended to the reason, or "" when zxcvbn had nothing to add. */
export function passwordAdvice(suggestions: unknown): string {
  if (!Array.isArray(suggestions)) return '';
  const sentences = suggestions.map((key) => ADVICE[String(key)]).filter((s): s is string => s !== undefined);
  return sentences.length ? ` ${sentences.join(' ')}` : '';
}

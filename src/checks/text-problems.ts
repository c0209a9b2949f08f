import { findTextProblems } from '../text/index.ts';

/**
 * Encoding problems of one file's text (Điều 8.2: Unicode TCVN 6909:2001):
 * `findTextProblems` of `src/text/` finds text not in NFC and lines typed in
 * TCVN3, VNI or VIQR; a file that was not UTF-8 at all shows up here as the
 * replacement character, which neither of those looks for.
 */
export interface FileTextProblem {
  line?: number;
  kind: string;
  message: string;
}

/**
 * The check is a pure function of the text, and a publication checks every
 * file of the site twice (the gate, then the renderer) while changing one:
 * the answer for a text already seen is kept (a fifth of the check of a
 * 10,000-entry site, docs/adr/0046). Bounded, so a long-running server does
 * not keep every text it ever read.
 */
const seen = new Map<string, FileTextProblem[]>();
/** Characters of text kept at most: a board member's previews (each a new text) must not grow a renderer without end. */
const SEEN_CHARS = 32 * 1024 * 1024;
let seenChars = 0;

export function findFileTextProblems(text: string): FileTextProblem[] {
  const known = seen.get(text);
  if (known) return known;
  const problems = fileTextProblems(text);
  if (seenChars + text.length > SEEN_CHARS) {
    seen.clear();
    seenChars = 0;
  }
  seen.set(text, problems);
  seenChars += text.length;
  return problems;
}

function fileTextProblems(text: string): FileTextProblem[] {
  const problems: FileTextProblem[] = [];
  const broken = text.indexOf('\uFFFD');
  if (broken >= 0) {
    problems.push({
      line: text.slice(0, broken).split('\n').length,
      kind: 'not-utf8',
      message:
        'Tệp không phải UTF-8 hợp lệ (có ký tự hỏng "�"); lưu lại tệp ở dạng UTF-8 rồi chạy `npm run convert` nếu cần.',
    });
  }
  for (const p of findTextProblems(text)) problems.push({ line: p.line, kind: p.kind, message: p.message });
  return problems;
}

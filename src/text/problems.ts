import type { LegacyEncoding } from './encoding.ts';
import { ENCODING_LABELS } from './messages.ts';
import { describeCodePoints, findNonNfc, type NfcIssue } from './nfc.ts';
import { planConversion } from './plan.ts';
import { splitLines } from './split.ts';

export interface TextProblem {
  /** 1-based line and column (UTF-16 code units, as editors count). */
  line: number;
  column: number;
  kind: 'not-nfc' | 'legacy-encoding';
  encoding?: LegacyEncoding;
  message: string;
}

const EXCERPT_LENGTH = 40;
const FIX_HINT = 'Chạy “npm run convert -- <tệp>” để sửa.';

function excerpt(text: string): string {
  const chars = [...text.trim()];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…` : chars.join('');
}

function notNfcProblem(issues: NfcIssue[]): TextProblem {
  const [first] = issues;
  const others = issues.length > 1 ? ` Dòng này có ${issues.length} chỗ như vậy.` : '';
  return {
    line: first.line,
    column: first.column,
    kind: 'not-nfc',
    message:
      `Chữ “${first.expected}” được gõ bằng dấu tổ hợp (${describeCodePoints(first.found)}), ` +
      `chưa ở dạng Unicode dựng sẵn (NFC) theo TCVN 6909:2001.${others} ${FIX_HINT}`,
  };
}

/** Start of the first word that differs, so the column points at a whole word. */
function firstChangedWord(before: string, after: string): number {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at += 1;
  while (at > 0 && !/\s/.test(before[at - 1])) at -= 1;
  return at;
}

/** Columns count in the file as written, which may be longer than its NFC form. */
function rawOffset(raw: string, nfc: string, nfcOffset: number): number {
  if (raw === nfc) return nfcOffset;
  let offset = 0;
  while (offset < raw.length && raw.slice(0, offset).normalize('NFC').length < nfcOffset) offset += 1;
  return offset;
}

/**
 * Everything in a content file that breaks Điều 8.2 (Unicode TCVN 6909:2001
 * only): letters typed with combining marks, and lines that are really
 * TCVN3, VNI or VIQR. One problem per line and kind, in line order.
 */
export function findTextProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const byLine = Map.groupBy(findNonNfc(text), (issue) => issue.line);
  const plan = planConversion(text, 'auto');
  const rawLines = splitLines(text).parts;
  plan.lines.forEach((line, index) => {
    const nfcIssues = byLine.get(index + 1);
    if (nfcIssues !== undefined) problems.push(notNfcProblem(nfcIssues));
    const converted = plan.converted[index];
    const encoding = plan.lineEncodings[index];
    if (encoding === null) return;
    const start = firstChangedWord(line, converted);
    const fixedStart = firstChangedWord(converted, line);
    const label = ENCODING_LABELS[encoding];
    problems.push({
      line: index + 1,
      column: rawOffset(rawLines[index], line, start) + 1,
      kind: 'legacy-encoding',
      encoding,
      message:
        `Dòng này được gõ bằng mã ${label}, không phải Unicode: “${excerpt(line.slice(start))}” ` +
        `phải là “${excerpt(converted.slice(fixedStart))}”. ${FIX_HINT}`,
    });
  });
  return problems;
}

/**
 * Unicode normalisation form C: the precomposed ("dựng sẵn") form TCVN
 * 6909:2001 and Điều 8.2 ask for. The same word typed with combining marks
 * (NFD, as macOS file names and some keyboards produce it) looks identical
 * but compares, searches and sorts differently.
 */

export function toNfc(text: string): string {
  return text.normalize('NFC');
}

export function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

export interface NfcIssue {
  /** Offset of the cluster in the text, in UTF-16 code units. */
  index: number;
  /** 1-based line and column (UTF-16 code units, as editors count). */
  line: number;
  column: number;
  /** The characters as found, and as they should be. */
  found: string;
  expected: string;
}

// A letter with the marks that follow it; Hangul vowel and final jamo also
// join the syllable before them under NFC.
const CLUSTER = /[^\p{M}\u1160-\u11ff]?[\p{M}\u1160-\u11ff]*/gu;

/** Every place where the text is not NFC, for error messages that point at the letter. */
export function findNonNfc(text: string): NfcIssue[] {
  if (isNfc(text)) return [];
  const issues: NfcIssue[] = [];
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\n|\r/g)) lineStarts.push(match.index + match[0].length);
  let line = 0;
  for (const match of text.matchAll(CLUSTER)) {
    const found = match[0];
    if (found === '') continue;
    const expected = found.normalize('NFC');
    if (expected === found) continue;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= match.index) line += 1;
    issues.push({ index: match.index, line: line + 1, column: match.index - lineStarts[line] + 1, found, expected });
  }
  return issues;
}

/** "ế" (U+0065 U+0302 U+0301): how a cluster is spelled out in a message. */
export function describeCodePoints(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

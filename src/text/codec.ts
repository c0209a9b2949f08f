import type { LegacyEncoding } from './encoding.ts';
import { joinPieces, splitLines, splitWords } from './split.ts';

export interface DecodedWord {
  text: string;
  /**
   * The word carries a mark English or plain Unicode text practically never
   * has in that place (a legacy letter inside a word, a VIQR vowel mark):
   * detection needs at least one such word before it believes an encoding.
   */
  strong: boolean;
}

/** One legacy encoding, as its text looks once pasted into a Unicode editor. */
export interface LegacyCodec {
  readonly encoding: LegacyEncoding;
  /** Vietnamese letters such a pasted text can never contain: their presence proves a line is Unicode. */
  readonly genuineUnicode: RegExp;
  /** A cheap test: does the text hold anything this codec would decode at all? */
  readonly candidate: RegExp;
  /**
   * Decodes the words of one line (white space removed). Words are decoded
   * together because some decisions look at the neighbours.
   */
  decodeWords(words: readonly string[]): DecodedWord[];
}

/** Decodes words, passing over those with nothing the codec reads (most words of most texts). */
export function decodeEach(
  candidate: RegExp,
  words: readonly string[],
  decodeWord: (word: string) => DecodedWord,
): DecodedWord[] {
  return words.map((word) => (candidate.test(word) ? decodeWord(word) : { text: word, strong: false }));
}

/** Decodes every line of a text with one codec, without any detection, and returns NFC. */
export function decodeWithCodec(codec: LegacyCodec, text: string): string {
  const lines = splitLines(text.normalize('NFC'));
  const decoded = lines.parts.map((line) => {
    const words = splitWords(line);
    const parts = codec.decodeWords(words.parts).map((word) => word.text);
    return joinPieces({ parts, separators: words.separators });
  });
  return joinPieces({ parts: decoded, separators: lines.separators }).normalize('NFC');
}

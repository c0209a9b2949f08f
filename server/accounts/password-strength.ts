import { readFileSync } from 'node:fs';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import { foldVietnamese } from '#src/text/fold.ts';
import { loadCommonPasswords } from './common-passwords.ts';

/**
 * How many guesses a password would take, estimated by zxcvbn
 * (@zxcvbn-ts/core) rather than by rules of our own (docs/adr/0019): it finds
 * repeats, sequences, keyboard walks, dates, l33t and dictionary words, and
 * counts what is left as brute force.
 *
 * zxcvbn knows no Vietnamese, and a letter with a diacritic looks to it like
 * a rare symbol, so "Nguyễn Văn An 1990" would count as strong. Passwords are
 * therefore estimated with the diacritics folded away ("Nguyen Van An 1990"),
 * against the common-password and English lists, our own list of common
 * passwords, and a list of common Vietnamese syllables, words and names; the
 * person's name and username are added for each check.
 */
export interface StrengthEstimate {
  /** 0 (guessed at once) … 4 (over 10^10 guesses). */
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's warning key (`simpleRepeat`, `sequences`, `userInputs`…), or null. */
  warning: string | null;
  /** zxcvbn's suggestion keys (`anotherWord`, `repeated`…). */
  suggestions: string[];
}

function readWordList(file: string): string[] {
  const words = readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return [...new Set(words)];
}

let factory: ZxcvbnFactory | undefined;

/** Built on first use (about a tenth of a second), then shared. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: {
      ...zxcvbnCommon.dictionary,
      ...zxcvbnEnglish.dictionary,
      'vietnamese-words': readWordList('./vietnamese-words.txt'),
      'congso-common-passwords': [...loadCommonPasswords()],
    },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return factory;
}

/** The name run together, family name first and given name first: "nguyenvanan", "annguyenvan". */
export function nameRunTogether(fullName: string): string[] {
  const syllables = nameSyllables(fullName);
  if (syllables.length === 0) return [];
  return [...new Set([syllables.join(''), [...syllables.slice(-1), ...syllables.slice(0, -1)].join('')])];
}

function nameSyllables(fullName: string): string[] {
  return foldVietnamese(fullName)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The person's own words for zxcvbn: the username, the name run together, each syllable of the name. */
export function personalWords(fullName: string, username: string): string[] {
  return [...new Set([username.toLowerCase(), ...nameRunTogether(fullName), ...nameSyllables(fullName)])].filter(
    (word) => word.length > 0,
  );
}

export function estimateStrength(password: string, personal: readonly string[]): StrengthEstimate {
  const result = estimator().check(foldVietnamese(password), [...personal]);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}

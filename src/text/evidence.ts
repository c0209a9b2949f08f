import { isMarkedVietnameseWord, isVietnameseSyllable } from './syllable.ts';

/**
 * How one word votes on "is this text in a legacy encoding?", comparing the
 * word as it stands with the word decoded.
 *
 * - `good`: gibberish as Unicode, a Vietnamese word once decoded ("héi" → "hội");
 * - `unicode`: already a Vietnamese word, decoding would spoil it ("là" → "lỒ");
 * - `ambiguous`: a word either way ("cã" is TCVN3 for "có"), or a word that
 *   decodes to a lone letter ("oà" is VNI for "ồ"); no vote;
 * - `bad`: decoding gives no word ("e.g." → "ẹg."), so the encoding is unlikely;
 * - `neutral`: a change that proves nothing (a lone letter, "QĐ");
 * - `same`: decoding changes nothing.
 */
export type WordVote = 'good' | 'unicode' | 'ambiguous' | 'bad' | 'neutral' | 'same';

export interface Evidence {
  good: number;
  /** Good words whose legacy marks sit where no English or Unicode text puts such characters. */
  strong: number;
  bad: number;
  unicode: number;
  /**
   * Unchanged ASCII words no Vietnamese syllable spells ("Padier", "author";
   * "the", "to" do spell one): signs of English.
   */
  foreign: number;
}

export const NO_EVIDENCE: Evidence = { good: 0, strong: 0, bad: 0, unicode: 0, foreign: 0 };

type Reading = 'word' | 'bad' | 'neutral';

const RUN = /[\p{L}\p{M}\p{N}]+/gu;

function readRun(run: string): Reading | 'ascii' {
  if (/^[\x00-\x7f]+$/.test(run)) return 'ascii';
  if (/\p{N}/u.test(run)) return 'bad';
  // A lone letter or a capital abbreviation ("QĐ", "HĐND") is no syllable, yet no sign of trouble.
  if ([...run].length === 1 || /^[A-ZĐ]+$/.test(run)) return 'neutral';
  return isMarkedVietnameseWord(run) ? 'word' : 'bad';
}

/** Words repeat a lot within a text and across the files of a check run. */
function memoised<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const value = compute(word);
    if (cache.size >= 50_000) cache.clear();
    cache.set(word, value);
    return value;
  };
}

const readWord = memoised((word): Reading => {
  const readings = (word.match(RUN) ?? []).map(readRun);
  return readings.includes('bad') ? 'bad' : readings.includes('word') ? 'word' : 'neutral';
});

export function voteOf(original: string, decoded: string): WordVote {
  if (original === decoded) return 'same';
  const after = readWord(decoded);
  if (readWord(original) === 'word') return after === 'bad' ? 'unicode' : 'ambiguous';
  if (after === 'word') return 'good';
  return after === 'bad' ? 'bad' : 'neutral';
}

/** An ASCII word that toneless Vietnamese cannot spell, capital abbreviations ("UBND") aside. */
const isForeignWord = memoised((word): boolean => {
  if (!/^[\x00-\x7f]*$/.test(word)) return false;
  const runs = (word.match(/[A-Za-z0-9]+/g) ?? []).filter((run) => /[A-Za-z]/.test(run));
  return runs.some((run) => !/^[A-Z]+$/.test(run) && !isVietnameseSyllable(run));
});

export function addVote(evidence: Evidence, word: string, vote: WordVote, strong: boolean): Evidence {
  return {
    good: evidence.good + (vote === 'good' ? 1 : 0),
    strong: evidence.strong + (vote === 'good' && strong ? 1 : 0),
    bad: evidence.bad + (vote === 'bad' ? 1 : 0),
    unicode: evidence.unicode + (vote === 'unicode' ? 1 : 0),
    foreign: evidence.foreign + (vote === 'same' && isForeignWord(word) ? 1 : 0),
  };
}

export function sumEvidence(a: Evidence, b: Evidence): Evidence {
  return {
    good: a.good + b.good,
    strong: a.strong + b.strong,
    bad: a.bad + b.bad,
    unicode: a.unicode + b.unicode,
    foreign: a.foreign + b.foreign,
  };
}

/**
 * What a line contributes to the case for an encoding: its good words count
 * only if they outnumber its English words, so "<b>Loïc Padier</b>" in a
 * README is not VNI for "Lọc".
 */
export function lineSupport(evidence: Evidence): Evidence {
  return evidence.good > evidence.foreign ? evidence : { ...evidence, good: 0, strong: 0 };
}

/**
 * Enough to call a whole text legacy. The bar is set so that English and
 * Unicode Vietnamese never reach it: one strong word at least, clearly more
 * words decoding into Vietnamese than words it would spoil, and a text that
 * is not overwhelmingly English (front matter keys and a few loanwords are fine).
 */
export function isConvincing(evidence: Evidence): boolean {
  return (
    evidence.strong >= 1 &&
    evidence.bad * 2 <= evidence.good &&
    evidence.unicode <= evidence.good &&
    evidence.foreign <= evidence.good * 10
  );
}

/** Within a text already found legacy, a line is decoded unless it reads better as it is. */
export function favoursDecoding(evidence: Evidence): boolean {
  return evidence.bad + evidence.unicode <= evidence.good;
}

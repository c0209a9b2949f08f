import { decodeEach, decodeWithCodec, type DecodedWord, type LegacyCodec } from './codec.ts';
import { isVietnameseSyllable } from './syllable.ts';

/**
 * VIQR (RFC 1456), Vietnamese in plain ASCII: the marks follow the vowel,
 * "Vie^.t Nam", "Tie^'ng Vie^.t", "DDie^`u 8". Vowel marks: ( breve,
 * ^ circumflex, + horn; tones: ' acute, ` grave, ? hook, ~ tilde, . dot;
 * DD/Dd/dd is Đ/đ; a backslash keeps the next mark character literal.
 *
 * ASCII punctuation doubles as marks: a "." or "?" ending a word stays
 * punctuation when the tone would not make a syllable, and "dd" is Đ only
 * where Vietnamese can have it.
 */

const VOWEL_MARKS: Record<string, { mark: string; bases: RegExp }> = {
  '(': { mark: '\u0306', bases: /^[aA]$/ },
  '^': { mark: '\u0302', bases: /^[aeoAEO]$/ },
  '+': { mark: '\u031b', bases: /^[ouOU]$/ },
};
const TONES: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '?': '\u0309',
  '~': '\u0303',
  '.': '\u0323',
};
const ESCAPABLE = /^[(^+'`?~.\\dD]$/;
const VOWEL = /^[aeiouyAEIOUY]$/;
const CLOSING = /^[)\]}"'”’»]*$/;

/** Tokens VIQR text never reaches into: addresses keep their dots. */
function isAddressLike(word: string): boolean {
  return /:\/\/|@|^www\./i.test(word);
}

/** The letters at the end of what is decoded so far: the syllable being written. */
function currentSyllable(out: readonly string[]): string {
  let start = out.length;
  while (start > 0 && /^\p{L}$/u.test(out[start - 1])) start -= 1;
  return out.slice(start).join('');
}

function decodeWord(word: string): DecodedWord {
  if (isAddressLike(word)) return { text: word, strong: false };
  const chars = [...word];
  const out: string[] = [];
  // The vowel the next mark would go on, while nothing but marks followed it.
  let vowel: { at: number; hasVowelMark: boolean } | null = null;
  let syllableHasTone = false;
  let marks = 0;
  let strong = false;

  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index];
    const next = chars[index + 1];
    const previous = chars[index - 1];
    const attached = vowel !== null && vowel.at === out.length - 1;

    if (char === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      out.push(next);
      index += 1;
      vowel = null;
      syllableHasTone = false;
      continue;
    }
    if (/^[dD]$/.test(char) && next !== undefined && /^[dD]$/.test(next) && !(previous && VOWEL.test(previous))) {
      // Đ starts a syllable before a vowel ("ddi"), sits in a capital abbreviation
      // ("QDD-UBND"; in "BGDDDT" it is the last pair, GD + Đ + T) or stands alone
      // as a list label ("dd)"); "dd/mm/yyyy" stays.
      const after = chars[index + 2];
      const alone = previous === undefined && (after === undefined || /^[)\].,:;]$/.test(after));
      const capital = previous !== undefined && /^[A-Z]$/.test(previous) && !/^[dD]$/.test(after ?? '');
      if ((after !== undefined && VOWEL.test(after)) || capital || alone) {
        out.push(char === 'D' ? 'Đ' : 'đ');
        index += 1;
        vowel = null;
        strong = true;
        continue;
      }
    }
    if (VOWEL.test(char)) {
      out.push(char);
      vowel = { at: out.length - 1, hasVowelMark: false };
      continue;
    }
    const vowelMark = VOWEL_MARKS[char];
    if (
      attached &&
      vowel !== null &&
      vowelMark !== undefined &&
      !vowel.hasVowelMark &&
      !syllableHasTone &&
      vowelMark.bases.test(out[vowel.at])
    ) {
      out[vowel.at] = (out[vowel.at] + vowelMark.mark).normalize('NFC');
      vowel.hasVowelMark = true;
      marks += 1;
      strong = true;
      continue;
    }
    const tone = TONES[char];
    if (attached && vowel !== null && tone !== undefined && !syllableHasTone) {
      const toned = (out[vowel.at] + tone).normalize('NFC');
      // "." and "?" after a word's last vowel are a tone only if that gives a
      // well-formed syllable: "Tu+." is "Tự", but "dda^u?" asks "đâu?" (RFC 1456
      // wants "\?" there; many writers did not bother). Where both read ("ddi."),
      // the tone wins: headings such as "DDie^`u 3. ... ddo+n vi." end without a
      // full stop, and RFC 1456 text escapes one.
      const endsWord = CLOSING.test(chars.slice(index + 1).join(''));
      const syllable = currentSyllable([...out.slice(0, vowel.at), toned, ...out.slice(vowel.at + 1)]);
      const sentenceMark =
        (char === '.' || char === '?') && endsWord && [...syllable].length > 1 && !isVietnameseSyllable(syllable);
      if (!sentenceMark) {
        out[vowel.at] = toned;
        syllableHasTone = true;
        marks += 1;
        continue;
      }
    }
    out.push(char);
    vowel = null;
    if (!/^\p{L}$/u.test(char)) syllableHasTone = false;
  }
  return { text: out.join(''), strong: strong || marks >= 2 };
}

const CANDIDATE = /[aeiouy][(^+'`?~.]|dd|\\[(^+'`?~.\\dD]/i;

export const viqrCodec: LegacyCodec = {
  encoding: 'viqr',
  genuineUnicode: /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u036f]/,
  candidate: CANDIDATE,
  decodeWords: (words) => decodeEach(CANDIDATE, words, decodeWord),
};

/** Decodes a whole text as VIQR, without asking whether it is; returns NFC. */
export function decodeViqr(text: string): string {
  return decodeWithCodec(viqrCodec, text);
}

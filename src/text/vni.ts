import { decodeEach, decodeWithCodec, type DecodedWord, type LegacyCodec } from './codec.ts';

/**
 * VNI-Windows (the VNI-Times fonts) as it looks once its bytes were shown as
 * Windows-1252 and pasted as Unicode: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".
 *
 * Most Vietnamese letters are a base letter followed by a mark byte; i-letters,
 * ỵ, ơ, ư and đ have bytes of their own. Capital letters take the capital
 * mark bytes ("VIEÄT"), so case always survives.
 */

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

interface Mark {
  vowel: '' | typeof CIRCUMFLEX | typeof BREVE;
  tone: string;
}

// Lower-case mark bytes; each capital mark byte is the upper case of one of these.
const MARKS: Record<string, Mark> = {
  ù: { vowel: '', tone: ACUTE },
  ø: { vowel: '', tone: GRAVE },
  û: { vowel: '', tone: HOOK },
  õ: { vowel: '', tone: TILDE },
  ï: { vowel: '', tone: DOT },
  â: { vowel: CIRCUMFLEX, tone: '' },
  á: { vowel: CIRCUMFLEX, tone: ACUTE },
  à: { vowel: CIRCUMFLEX, tone: GRAVE },
  å: { vowel: CIRCUMFLEX, tone: HOOK },
  ã: { vowel: CIRCUMFLEX, tone: TILDE },
  ä: { vowel: CIRCUMFLEX, tone: DOT },
  ê: { vowel: BREVE, tone: '' },
  é: { vowel: BREVE, tone: ACUTE },
  è: { vowel: BREVE, tone: GRAVE },
  ú: { vowel: BREVE, tone: HOOK },
  ü: { vowel: BREVE, tone: TILDE },
  ë: { vowel: BREVE, tone: DOT },
};

// Letters with a byte of their own. 'í' and 'ì' read the same either way.
const LETTERS: Record<string, string> = {
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
};

function lookup<T>(table: Record<string, T>, char: string): T | undefined {
  return table[char] ?? table[char.toLowerCase()];
}

function withCase(letter: string, upper: boolean): string {
  return upper ? letter.toUpperCase() : letter;
}

/** Puts a mark byte on the letter before it, or returns null when VNI would not. */
function applyMark(base: string, mark: Mark): string | null {
  const parts = base.normalize('NFD');
  const letter = parts[0].toLowerCase();
  const existing = parts.slice(1);
  if (/[\u0300\u0301\u0303\u0309\u0323]/.test(existing)) return null;
  if (mark.vowel !== '') {
    if (existing !== '') return null;
    const allowed = mark.vowel === BREVE ? letter === 'a' : /[aeo]/.test(letter);
    if (!allowed) return null;
  } else if (!/[aeouy]/.test(letter) || (existing !== '' && existing !== '\u031b')) {
    // Tone alone: a, e, o, u, y and the horned ơ, ư (i-letters have their own bytes).
    return null;
  }
  return (parts[0] + existing + mark.vowel + mark.tone).normalize('NFC');
}

function decodeWord(word: string): DecodedWord {
  const out: string[] = [];
  let strong = false;
  for (const char of word) {
    const previous = out.at(-1);
    const mark = lookup(MARKS, char);
    if (mark !== undefined && previous !== undefined) {
      const marked = applyMark(previous, mark);
      if (marked !== null) {
        out[out.length - 1] = marked;
        strong = true;
        continue;
      }
    }
    const letter = lookup(LETTERS, char);
    if (letter !== undefined) {
      if (previous !== undefined && /\p{L}/u.test(previous)) strong = true;
      out.push(withCase(letter, char !== char.toLowerCase()));
      continue;
    }
    out.push(char);
  }
  return { text: out.join(''), strong };
}

const CANDIDATE = /[\u00c0-\u00ff]/;

export const vniCodec: LegacyCodec = {
  encoding: 'vni',
  genuineUnicode: /[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u036f]/,
  candidate: CANDIDATE,
  decodeWords: (words) => decodeEach(CANDIDATE, words, decodeWord),
};

/** Decodes a whole text as VNI-Windows, without asking whether it is; returns NFC. */
export function decodeVni(text: string): string {
  return decodeWithCodec(vniCodec, text);
}

import { decodeWithCodec, type DecodedWord, type LegacyCodec } from './codec.ts';

/**
 * TCVN3 (TCVN 5712:1993, the ABC keyboard and the .VnTime fonts) as it
 * looks when its bytes were shown as Windows-1252 / Latin-1 and pasted into
 * a Unicode editor: "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
 *
 * The .VnTime fonts (the VN3 subset) hold lower-case letters and Ă Â Ê Ô Ơ Ư Đ;
 * the full VN1 table also places the toned capitals in the gaps, in C1
 * (0x80–0x9F) and in a few C0 positions. Both are read here, so a text
 * typed with either decodes.
 */

// Bytes 0xA1–0xFF, in order. 0xB0–0xB4 are combining tones in VN1, which
// the ABC keyboard never produced, while "°", "±", "²" are common as
// themselves: they are left alone ('_' below).
const HIGH = 'ĂÂÊÔƠƯĐăâêôơưđẰ_____àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';
// Bytes 0x80–0x9F: VN1 capitals.
const C1 = 'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ';
// C0 positions VN1 uses; the others stay control characters.
const C0: Record<number, string> = {
  0x01: 'Ú',
  0x02: 'Ụ',
  0x04: 'Ừ',
  0x05: 'Ử',
  0x06: 'Ữ',
  0x11: 'Ứ',
  0x12: 'Ự',
  0x13: 'Ỳ',
  0x14: 'Ỷ',
  0x15: 'Ỹ',
  0x16: 'Ý',
  0x17: 'Ỵ',
};
// Windows-1252 shows eight C1 bytes as letters. Its other C1 characters
// (“ ” ‘ ’ – — … •) were typed as punctuation in real documents and stay.
const WINDOWS_1252_LETTERS: Record<string, number> = {
  ƒ: 0x83,
  Š: 0x8a,
  Œ: 0x8c,
  Ž: 0x8e,
  š: 0x9a,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  [...HIGH].forEach((letter, index) => {
    if (letter !== '_') table.set(String.fromCharCode(0xa1 + index), letter);
  });
  for (const [index, letter] of [...C1].entries()) table.set(String.fromCharCode(0x80 + index), letter);
  for (const [byte, letter] of Object.entries(C0)) table.set(String.fromCharCode(Number(byte)), letter);
  for (const [shown, byte] of Object.entries(WINDOWS_1252_LETTERS)) table.set(shown, C1[byte - 0x80]);
  return table;
}

const TABLE = buildTable();
const CANDIDATE = new RegExp(`[${[...TABLE.keys()].join('')}]`);
const UPPER_BASE = /[A-Z¡-§]/;
const LOWER_ASCII = /[a-z]/;

interface WordShape {
  decoded: string;
  strong: boolean;
  /** Capital ASCII with lower-case legacy letters ("CéNG"): typed in the .VnTimeH font. */
  capitals: boolean;
  /** One capital, no lower-case ASCII, some legacy lower-case letters: capitals if a neighbour is. */
  maybeCapitals: boolean;
}

function decodeWord(word: string): WordShape {
  if (!CANDIDATE.test(word)) return { decoded: word, strong: false, capitals: false, maybeCapitals: false };
  let decoded = '';
  let strong = false;
  let legacyLowerCase = false;
  let capitalCount = 0;
  let previousIsLetter = false;
  for (const char of word) {
    const letter = TABLE.get(char);
    if (letter !== undefined) {
      legacyLowerCase ||= letter !== letter.toUpperCase();
      strong ||= previousIsLetter;
    }
    if (UPPER_BASE.test(char)) capitalCount += 1;
    decoded += letter ?? char;
    previousIsLetter = letter !== undefined || /\p{L}/u.test(char);
  }
  const noLowerAscii = !LOWER_ASCII.test(word);
  return {
    decoded,
    strong,
    capitals: noLowerAscii && capitalCount >= 2 && legacyLowerCase,
    maybeCapitals: noLowerAscii && capitalCount === 1 && legacyLowerCase,
  };
}

function decodeWords(words: readonly string[]): DecodedWord[] {
  const shapes = words.map(decodeWord);
  // A .VnTimeH heading is typed with lower-case codes under capital ASCII
  // ("CéNG HOµ X· HéI"): its words come back in capitals, and so does a
  // one-capital word ("X·") standing among them.
  const neighbourIsCapitals = (index: number, step: number): boolean => {
    for (let at = index + step; at >= 0 && at < shapes.length; at += step) {
      if (!/\p{L}/u.test(shapes[at].decoded)) continue;
      return shapes[at].capitals;
    }
    return false;
  };
  return shapes.map((shape, index) => {
    const upper =
      shape.capitals || (shape.maybeCapitals && (neighbourIsCapitals(index, -1) || neighbourIsCapitals(index, 1)));
    return { text: upper ? shape.decoded.toUpperCase() : shape.decoded, strong: shape.strong };
  });
}

export const tcvn3Codec: LegacyCodec = {
  encoding: 'tcvn3',
  genuineUnicode: /[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u036f]/,
  candidate: CANDIDATE,
  decodeWords,
};

/** Decodes a whole text as TCVN3, without asking whether it is; returns NFC. */
export function decodeTcvn3(text: string): string {
  return decodeWithCodec(tcvn3Codec, text);
}

/**
 * Encoders from Unicode to the legacy encodings, for tests only: they make
 * the legacy fixtures from the Unicode corpus. They are written from the
 * encoding definitions independently of the decoders in src/text (other
 * table shapes, other code), so a slip in one shows up as a failed round trip.
 */

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // none, grave, hook, tilde, acute, dot

/** A letter split into base (a e i o u y, any case), vowel mark and tone. */
interface Parts {
  base: string;
  vowelMark: '' | 'breve' | 'circumflex' | 'horn';
  tone: number;
}

const VOWEL_MARKS: Record<string, Parts['vowelMark']> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };

function split(letter: string): Parts | null {
  const [base, ...marks] = [...letter.normalize('NFD')];
  if (!/^[aeiouy]$/i.test(base)) return null;
  let vowelMark: Parts['vowelMark'] = '';
  let tone = 0;
  for (const mark of marks) {
    if (VOWEL_MARKS[mark] !== undefined) vowelMark = VOWEL_MARKS[mark];
    else if (TONES.includes(mark as (typeof TONES)[number])) tone = TONES.indexOf(mark as (typeof TONES)[number]);
    else return null;
  }
  return { base, vowelMark, tone };
}

function unencodable(char: string, encoding: string): never {
  throw new Error(`“${char}” (U+${char.codePointAt(0)!.toString(16)}) has no ${encoding} form`);
}

// ---------------------------------------------------------------- TCVN3
// One row per vowel: the byte for no tone, grave, hook, tilde, acute, dot.
// Lower case is the .VnTime (VN3) set; toned capitals are the VN1 additions.
const TCVN3_ROWS: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
  A: [0x41, 0x80, 0x81, 0x82, 0x83, 0x84],
  Ă: [0xa1, 0xaf, 0xba, 0xbf, 0xc0, 0x85],
  Â: [0xa2, 0xc1, 0xc2, 0xc3, 0xc4, 0x86],
  E: [0x45, 0x87, 0x88, 0x89, 0x8a, 0x8b],
  Ê: [0xa3, 0xc5, 0xcd, 0xd9, 0xda, 0x8c],
  I: [0x49, 0x8d, 0x8e, 0x8f, 0x90, 0x91],
  O: [0x4f, 0x92, 0x93, 0x94, 0x95, 0x96],
  Ô: [0xa4, 0xdb, 0xe0, 0xf0, 0xff, 0x97],
  Ơ: [0xa5, 0x98, 0x99, 0x9a, 0x9b, 0x9c],
  U: [0x55, 0x9d, 0x9e, 0x9f, 0x01, 0x02],
  Ư: [0xa6, 0x04, 0x05, 0x06, 0x11, 0x12],
  Y: [0x59, 0x13, 0x14, 0x15, 0x16, 0x17],
};
const TCVN3_D: Record<string, number> = { đ: 0xae, Đ: 0xa7 };
// The eight C1 bytes Windows-1252 shows as letters; the other C1 bytes are
// kept as C1 characters (the Latin-1 reading), since Windows-1252 would turn
// them into quotes and dashes that real TCVN3 text uses as punctuation.
const WINDOWS_1252: Record<number, string> = {
  0x83: 'ƒ',
  0x8a: 'Š',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x9a: 'š',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function tcvn3Byte(char: string): number | null {
  if (TCVN3_D[char] !== undefined) return TCVN3_D[char];
  const parts = split(char);
  if (parts === null) return null;
  const marked = (
    parts.base + { '': '', breve: '\u0306', circumflex: '\u0302', horn: '\u031b' }[parts.vowelMark]
  ).normalize('NFC');
  return TCVN3_ROWS[marked]?.[parts.tone] ?? null;
}

/** Unicode → TCVN3 bytes, shown as a Unicode editor shows them after pasting. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const byte = char.codePointAt(0)! < 0x80 ? null : tcvn3Byte(char);
    if (byte === null) {
      if (/[\u0080-\u00ff]/.test(char)) unencodable(char, 'TCVN3');
      out += char;
    } else {
      out += WINDOWS_1252[byte] ?? String.fromCharCode(byte);
    }
  }
  return out;
}

// ------------------------------------------------------------------ VNI
const VNI_TONE = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_I = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

function vniLetter(char: string): string | null {
  if (char === 'đ') return 'ñ';
  if (char === 'Đ') return 'Ñ';
  const parts = split(char);
  if (parts === null) return null;
  const upper = parts.base !== parts.base.toLowerCase();
  const cased = (s: string): string => (upper ? s.toUpperCase() : s);
  const base = parts.base.toLowerCase();
  if (base === 'i') return cased(VNI_I[parts.tone]);
  if (base === 'y' && parts.tone === 5) return cased('î');
  switch (parts.vowelMark) {
    case 'circumflex':
      return parts.base + cased(VNI_CIRCUMFLEX[parts.tone]);
    case 'breve':
      return parts.base + cased(VNI_BREVE[parts.tone]);
    case 'horn':
      return cased(base === 'o' ? 'ô' : 'ö') + cased(VNI_TONE[parts.tone]);
    default:
      return parts.base + cased(VNI_TONE[parts.tone]);
  }
}

/** Unicode → VNI-Windows bytes, shown as Windows-1252 after pasting. */
export function encodeVni(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char.codePointAt(0)! < 0x80) {
      out += char;
      continue;
    }
    const letter = vniLetter(char);
    if (letter === null && /[\u0080-\u00ff]/.test(char)) unencodable(char, 'VNI');
    out += letter ?? char;
  }
  return out;
}

// ----------------------------------------------------------------- VIQR
const VIQR_TONE = ['', '`', '?', '~', "'", '.'];
const VIQR_VOWEL_MARK = { '': '', breve: '(', circumflex: '^', horn: '+' };
const VIQR_MARK_CHARS = "(^+'`?~.\\";

function viqrWord(word: string): string {
  // Addresses are left as typed: the decoder does not touch them either.
  if (/:\/\/|@|^www\./i.test(word)) return word;
  const chars = [...word];
  let out = '';
  chars.forEach((char, index) => {
    const previousOut = out.at(-1) ?? '';
    if (char === 'đ' || char === 'Đ') {
      out += char === 'Đ' ? 'DD' : 'dd';
      return;
    }
    const parts = split(char);
    if (parts !== null) {
      out += parts.base + VIQR_VOWEL_MARK[parts.vowelMark] + VIQR_TONE[parts.tone];
      return;
    }
    if (/\p{L}/u.test(char) && !/^[a-z]$/i.test(char)) unencodable(char, 'VIQR');
    // RFC 1456: a mark character meant literally, after a vowel or a mark, is escaped.
    if (char === '\\' || (VIQR_MARK_CHARS.includes(char) && /[aeiouy(^+'`?~.]/i.test(previousOut))) {
      out += `\\${char}`;
      return;
    }
    // A literal "dd" where the decoder would read Đ.
    if (/[dD]/.test(char) && /[dD]/.test(chars[index + 1] ?? '') && !/[aeiouy]/i.test(previousOut)) {
      out += `${char}\\`;
      return;
    }
    out += char;
  });
  return out;
}

/** Unicode → VIQR (RFC 1456). */
export function encodeViqr(text: string): string {
  return text
    .normalize('NFC')
    .split(/(\s+)/)
    .map((piece, index) => (index % 2 === 1 ? piece : viqrWord(piece)))
    .join('');
}

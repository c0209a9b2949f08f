/**
 * Is a word a well-formed Vietnamese syllable? Legacy-encoding detection
 * leans on this: gibberish such as "Céng" or "Coäng" is not a syllable, its
 * decoding "Cộng" is, and a real Unicode word always is, so a word that is
 * already valid never counts as evidence of a legacy encoding.
 *
 * Only the spelling is checked (initial, rhyme, tone), never the dictionary:
 * both tone placements ("hoà" and "hòa") are accepted.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const ACUTE_OR_DOT = /^[\u0301\u0323]$/;

// Every initial that fits is tried: "gìn" is g + in, "giữ" is gi + ư.
const INITIALS = [
  'ngh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ng',
  'nh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

// Every rhyme (vần) of the standard orthography, without tone.
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
   ăc ăm ăn ăng ăp ăt
   âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et
   ê êch êm ên ênh êp êt êu
   i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oc oi om on ong op ot ooc oong
   oa oac oach oai oam oan oang oanh oao oap oat oay
   oăc oăm oăn oăng oăt
   oe oem oen oeo oet
   ô ôc ôi ôm ôn ông ôp ôt
   ơ ơi ơm ơn ơp ơt
   u uc ui um un ung up ut
   ua uân uâng uât uây uê uêch uênh uơ
   uôc uôi uôm uôn uông uôt
   uy uya uych uyên uyêt uynh uyp uyt uyu
   ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu`.split(/\s+/),
);

const FRONT_VOWEL = /^[eêiy]/;

/** Spelling rules that tie an initial to the vowel after it (k/c, gh/g, ngh/ng, qu). */
function initialFitsRhyme(initial: string, rhyme: string): boolean {
  switch (initial) {
    case 'k':
      return FRONT_VOWEL.test(rhyme);
    case 'c':
      return !FRONT_VOWEL.test(rhyme);
    case 'gh':
    case 'ngh':
      return /^[eêi]/.test(rhyme);
    case 'g':
      return !/^[eê]/.test(rhyme);
    case 'ng':
      return !/^[eêi]/.test(rhyme);
    case 'qu':
      return !/^[uo]/.test(rhyme);
    case '':
      return !rhyme.startsWith('iê');
    default:
      return !rhyme.startsWith('yê');
  }
}

/**
 * Splits off the tone mark and tells which letter carries it; null when a
 * syllable carries more than one tone.
 */
function splitTone(syllable: string): { bare: string; tone: string; toneAt: number } | null {
  let bare = '';
  let tone = '';
  let toneAt = -1;
  let letters = -1;
  for (const char of syllable.normalize('NFD')) {
    if (!/\p{M}/u.test(char)) letters += 1;
    if (TONE_MARKS.test(char)) {
      if (tone !== '') return null;
      tone = char;
      toneAt = letters;
    } else {
      bare += char;
    }
  }
  return { bare: bare.normalize('NFC'), tone, toneAt };
}

const MARKED_VOWEL = /[ăâêôơư]/;

/**
 * Where a rhyme may carry its tone, counted from the rhyme's first vowel.
 * Both the old and the new placement are accepted ("hoà" and "hòa", "thuỷ" and
 * "thủy"); a tone elsewhere ("đâủ", "saỏ") means the word is not Vietnamese.
 */
function tonePositions(rhyme: string): number[] {
  const nucleus = [...(/^[aăâeêioôơuưy]+/.exec(rhyme)?.[0] ?? '')];
  const marked = nucleus.flatMap((vowel, index) => (MARKED_VOWEL.test(vowel) ? [index] : []));
  if (marked.length > 0) return [marked[marked.length - 1]];
  if (nucleus.length === 1) return [0];
  if (rhyme.length > nucleus.length) return [nucleus.length - 1];
  if (nucleus.length === 3) return [1];
  return ['oa', 'oe', 'uy'].includes(nucleus.join('')) ? [0, 1] : [0];
}

/** True for one lower-case or upper-case Vietnamese syllable ("quyết", "NGHĨA"). */
export function isVietnameseSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (split === null || !/^[a-zđăâêôơư]+$/.test(split.bare)) return false;
  const { bare, tone, toneAt } = split;
  for (const initial of INITIALS) {
    if (!bare.startsWith(initial)) continue;
    const rhyme = bare.slice(initial.length);
    // After "qu" the u is spelt once: "quýt" is qu + uyt, "quỳnh" qu + uynh.
    const known = RHYMES.has(rhyme) || (initial === 'qu' && RHYMES.has(`u${rhyme}`));
    if (!known || !initialFitsRhyme(initial, rhyme)) continue;
    // A stopped rhyme (-c, -ch, -p, -t) only takes the rising or the heavy tone.
    if (/(?:[cpt]|ch)$/.test(rhyme) && !ACUTE_OR_DOT.test(tone)) continue;
    if (tone !== '' && !tonePositions(rhyme).includes(toneAt - initial.length)) continue;
    return true;
  }
  return false;
}

/** Lower case, Capitalised or ALL CAPS: the only shapes a real word has. */
function hasPlausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** A syllable written with at least one Vietnamese letter outside ASCII, in a plausible case. */
export function isMarkedVietnameseWord(word: string): boolean {
  return /[^\x00-\x7f]/.test(word) && hasPlausibleCase(word) && isVietnameseSyllable(word);
}

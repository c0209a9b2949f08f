import type { LegacyCodec } from './codec.ts';
import type { LegacyEncoding, TextEncoding } from './encoding.ts';
import {
  addVote,
  favoursDecoding,
  isConvincing,
  lineSupport,
  NO_EVIDENCE,
  sumEvidence,
  voteOf,
  type Evidence,
  type WordVote,
} from './evidence.ts';
import { joinPieces, splitLines, splitWords, type Pieces } from './split.ts';
import { tcvn3Codec } from './tcvn3.ts';
import { viqrCodec } from './viqr.ts';
import { vniCodec } from './vni.ts';

const CODECS: Record<LegacyEncoding, LegacyCodec> = { tcvn3: tcvn3Codec, vni: vniCodec, viqr: viqrCodec };

export type ConversionSource = TextEncoding | 'auto';

/** A line decoded with one codec, with each word's vote. */
interface LineReading {
  evidence: Evidence;
  words: Pieces;
  decoded: string[];
  votes: WordVote[];
}

export interface ConversionPlan {
  /** The encoding found (the first, if a text mixes several), or `unicode`. */
  encoding: TextEncoding;
  /** The input lines in NFC, their conversions (NFC), and the line breaks between them. */
  lines: string[];
  converted: string[];
  breaks: string[];
  /** The encoding each line was decoded from; null where it was left as it was. */
  lineEncodings: (LegacyEncoding | null)[];
}

/** Null for a line holding letters the codec's text never has: it is Unicode. */
function readLine(codec: LegacyCodec, line: string): LineReading | null {
  if (codec.genuineUnicode.test(line)) return null;
  const words = splitWords(line);
  const results = codec.candidate.test(line)
    ? codec.decodeWords(words.parts)
    : words.parts.map((text) => ({ text, strong: false }));
  let evidence = NO_EVIDENCE;
  const votes = results.map((result, index) => {
    const vote = voteOf(words.parts[index], result.text);
    evidence = addVote(evidence, words.parts[index], vote, result.strong);
    return vote;
  });
  return { evidence, words, decoded: results.map((result) => result.text), votes };
}

// VIQR marks are ASCII punctuation, so a word that decodes into nothing
// Vietnamese ("e.g.", "file.txt") is English and stays as typed. In TCVN3 and
// VNI such a word is more likely a foreign name typed in the legacy font.
function keepsWord(codec: LegacyCodec, vote: WordVote, auto: boolean): boolean {
  if (codec.encoding === 'viqr') return vote === 'bad' || vote === 'unicode';
  return auto && vote === 'unicode';
}

function convertLine(codec: LegacyCodec, reading: LineReading, auto: boolean): string {
  const parts = reading.words.parts.map((word, index) =>
    keepsWord(codec, reading.votes[index], auto) ? word : reading.decoded[index],
  );
  return joinPieces({ parts, separators: reading.words.separators }).normalize('NFC');
}

/** One decoding pass: the codec that reads the lines best, and what it makes of each. */
interface Pass {
  codec: LegacyCodec;
  converted: (string | null)[];
}

function decodePass(lines: string[], codecs: LegacyCodec[], auto: boolean): Pass | null {
  const text = lines.join('\n');
  const scored = codecs
    .filter((codec) => !auto || codec.candidate.test(text))
    .map((codec) => {
      const readings = lines.map((line) => readLine(codec, line));
      const evidence = readings.reduce(
        (sum, reading) => sumEvidence(sum, lineSupport(reading?.evidence ?? NO_EVIDENCE)),
        NO_EVIDENCE,
      );
      return { codec, readings, evidence };
    })
    .filter(({ evidence }) => !auto || isConvincing(evidence))
    .sort((a, b) => b.evidence.good - a.evidence.good || b.evidence.strong - a.evidence.strong);
  const [best, runnerUp] = scored;
  if (best === undefined) return null;
  // When two encodings read a text equally well ("Löu" is VNI "Lưu" and
  // TCVN3 "Lửu"), neither is believed.
  if (
    runnerUp !== undefined &&
    runnerUp.evidence.good === best.evidence.good &&
    runnerUp.evidence.strong === best.evidence.strong
  )
    return null;

  const { codec, readings } = best;
  const settled = settleUndecided(readings.map(lineKind), lines);
  const converted = readings.map((reading, index) => {
    if (reading === null || (auto && settled[index] !== 'legacy')) return null;
    const line = convertLine(codec, reading, auto);
    return line === lines[index] ? null : line;
  });
  return { codec, converted };
}

/**
 * Decides, line by line, what converting a text to Unicode NFC means. With
 * `auto`, the encoding is the legacy one with convincing evidence over the
 * lines that could be in it, and only the lines that read better decoded are
 * decoded: a Unicode document with one pasted TCVN3 paragraph gets that
 * paragraph fixed and nothing else. Another pass then looks for a second
 * encoding among the lines left, for articles pasted together from several
 * old documents.
 */
export function planConversion(text: string, from: ConversionSource): ConversionPlan {
  const { parts: lines, separators: breaks } = splitLines(text.normalize('NFC'));
  const plan: ConversionPlan = {
    encoding: from === 'auto' ? 'unicode' : from,
    lines,
    converted: [...lines],
    breaks,
    lineEncodings: lines.map(() => null),
  };
  if (from === 'unicode') return plan;
  let codecs = from === 'auto' ? Object.values(CODECS) : [CODECS[from]];
  while (codecs.length > 0) {
    const pass = decodePass(plan.converted, codecs, from === 'auto');
    if (pass === null) break;
    if (plan.encoding === 'unicode') plan.encoding = pass.codec.encoding;
    pass.converted.forEach((line, index) => {
      if (line === null) return;
      plan.converted[index] = line;
      plan.lineEncodings[index] = pass.codec.encoding;
    });
    codecs = codecs.filter((codec) => codec !== pass.codec);
  }
  return plan;
}

/**
 * - `legacy`: the line reads better decoded, on evidence of its own;
 * - `unicode`: it holds genuine Unicode letters, or decoding would spoil it;
 * - `undecided`: decoding changes it, but proves nothing ("Sè" is TCVN3 "Số"
 *   and Unicode "Sè" alike);
 * - `none`: decoding changes nothing.
 */
type LineKind = 'legacy' | 'unicode' | 'undecided' | 'none';

function lineKind(reading: LineReading | null): LineKind {
  if (reading === null || !favoursDecoding(reading.evidence)) return 'unicode';
  if (reading.evidence.good > 0) return 'legacy';
  return reading.decoded.some((word, index) => word !== reading.words.parts[index]) ? 'undecided' : 'none';
}

/**
 * An undecided line goes with the nearest line that has evidence, looking
 * first within its paragraph: a TCVN3 body pasted under a Unicode front
 * matter is decoded whole, a Unicode paragraph beside it is left alone.
 * On equal distance the line above wins, as text is pasted in blocks.
 */
function settleUndecided(kinds: LineKind[], lines: string[]): LineKind[] {
  const decided = (kind: LineKind): boolean => kind === 'legacy' || kind === 'unicode';
  const blank = lines.map((line) => line.trim() === '');
  const nearest = (step: 1 | -1, withinParagraph: boolean): (number | undefined)[] => {
    const found: (number | undefined)[] = [];
    let last: number | undefined;
    const order = step === 1 ? kinds.keys() : [...kinds.keys()].reverse();
    for (const index of order) {
      found[index] = last;
      if (decided(kinds[index])) last = index;
      else if (withinParagraph && blank[index]) last = undefined;
    }
    return found;
  };
  const scopes = [true, false].map((withinParagraph) => ({
    above: nearest(1, withinParagraph),
    below: nearest(-1, withinParagraph),
  }));
  return kinds.map((kind, index) => {
    if (kind !== 'undecided') return kind;
    for (const { above, below } of scopes) {
      const up = above[index];
      const down = below[index];
      if (up === undefined && down === undefined) continue;
      const from = down === undefined || (up !== undefined && index - up <= down - index) ? up! : down;
      return kinds[from];
    }
    return kind;
  });
}

export function joinPlan(plan: ConversionPlan): string {
  return joinPieces({ parts: plan.converted, separators: plan.breaks });
}

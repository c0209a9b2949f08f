import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidTrackingCodeError } from './errors.ts';

/**
 * What a citizen gets on submitting (Điều 13.1: follow the case "from receipt
 * to the answer"): a tracking code, printed on the receipt and read over the
 * phone, and a secret shown once, which together open the look-up page.
 *
 * Both use Crockford's base32 alphabet: no I, L, O or U, so nothing can be
 * misread, and on input I/L are read as 1 and O as 0. The code is not a
 * secret (it appears in letters and call logs); the secret is, and only its
 * digest is stored.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** 5 random characters (25 bits) per department and year; the storage retries on the rare collision. */
const BODY_LENGTH = 5;
/** 16 characters, 80 bits: beyond guessing even with the look-up page wide open. */
const SECRET_LENGTH = 16;

export interface TrackingCode {
  /** The department's initials: "STP" for Sở Tư pháp. */
  prefix: string;
  year: number;
  /** Random part and check character, without separators. */
  body: string;
  /** As printed: `STP-2026-7KQ4-M9`. */
  text: string;
}

function randomSymbols(length: number): string {
  // 256 is a multiple of 32, so masking a byte keeps every symbol equally likely.
  return [...randomBytes(length)].map((b) => ALPHABET[b & 31]).join('');
}

/**
 * Luhn mod 32 over the year and the random part: catches every single
 * mistyped character and nearly every swap of two neighbours (not 0↔Z),
 * before the look-up page costs a database query or a throttle token.
 */
function checkSymbol(payload: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = payload.length - 1; i >= 0; i -= 1) {
    const addend = factor * VALUE.get(payload[i]!)!;
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** Upper case, misreadable letters mapped, spaces and hyphens dropped. */
function normalise(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

const PREFIX = /^[A-Z]{2,6}$/;

function format(prefix: string, year: number, body: string): string {
  return `${prefix}-${year}-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function generateTrackingCode(
  prefix: string,
  year: number,
  random: (length: number) => string = randomSymbols,
): TrackingCode {
  if (!PREFIX.test(prefix)) throw new RangeError(`tracking code prefix must be 2–6 capital letters, got "${prefix}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`invalid year ${year}`);
  const random5 = random(BODY_LENGTH);
  const body = random5 + checkSymbol(`${year}${random5}`);
  return { prefix, year, body, text: format(prefix, year, body) };
}

/**
 * Reads a code as a person typed it ("stp 2026 7kq4 m9", "STP-2026-7KQ4M9").
 * The prefix is read from the letters before the year, so it keeps I, L, O
 * and U (a department's initials may contain them).
 */
export function parseTrackingCode(input: string): TrackingCode {
  const match = /^\s*([A-Za-z]{2,6})[\s-]*(\d{4})[\s-]*([0-9A-Za-z][0-9A-Za-z\s-]*)$/.exec(input);
  if (!match) throw new InvalidTrackingCodeError({ reason: 'format' });
  const prefix = match[1]!.toUpperCase();
  const year = Number(match[2]);
  const body = normalise(match[3]!);
  if (body.length !== BODY_LENGTH + 1 || [...body].some((c) => !VALUE.has(c)))
    throw new InvalidTrackingCodeError({ reason: 'format' });
  if (checkSymbol(`${year}${body.slice(0, BODY_LENGTH)}`) !== body[BODY_LENGTH]) {
    throw new InvalidTrackingCodeError({ reason: 'check-character' });
  }
  return { prefix, year, body, text: format(prefix, year, body) };
}

/**
 * The one spelling of a code however it was typed (`stp 2026 j2m7 dl`,
 * `STP-2026-J2M7-DI` and `STP2026J2M7D1` are the same case), or null when the
 * input cannot be a code. What the look-up throttle counts by (docs/adr/0052).
 */
export function canonicalTrackingCode(input: string): string | null {
  try {
    return parseTrackingCode(input).text;
  } catch (error) {
    if (error instanceof InvalidTrackingCodeError) return null;
    throw error;
  }
}

/** `7KQ4-M9XZ-3PHD-A2QF`, grouped for copying by hand. */
export function generateSecret(random: (length: number) => string = randomSymbols): string {
  return random(SECRET_LENGTH).match(/.{4}/g)!.join('-');
}

/** The secret as typed, or null when it cannot be one of ours. */
export function normaliseSecret(input: string): string | null {
  const secret = normalise(input);
  return secret.length === SECRET_LENGTH && [...secret].every((c) => VALUE.has(c)) ? secret : null;
}

const HASH_VERSION = 'v1';

/**
 * A plain SHA-256 suffices: 80 random bits cannot be brute-forced even from a
 * leaked digest, so a slow hash would only slow the look-up page. The code is
 * hashed in, so a secret cannot be replayed against another case.
 */
export function hashSecret(code: TrackingCode, secret: string): string {
  const normalised = normaliseSecret(secret);
  if (!normalised) throw new RangeError('not a tracking secret');
  const digest = createHash('sha256')
    .update(`${code.prefix}-${code.year}-${code.body}\n${normalised}`)
    .digest('base64url');
  return `${HASH_VERSION}$${digest}`;
}

/** Constant-time comparison: the time taken says nothing about how much of the secret was right. */
export function verifySecret(code: TrackingCode, secret: string, stored: string): boolean {
  if (normaliseSecret(secret) === null || !stored.startsWith(`${HASH_VERSION}$`)) return false;
  const expected = Buffer.from(stored);
  const actual = Buffer.from(hashSecret(code, secret));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

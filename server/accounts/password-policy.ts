import { foldVietnamese } from '#src/text/fold.ts';
import { WeakPasswordError, type WeakPasswordErrorData, type WeakPasswordReason } from './errors.ts';
import { estimateStrength, nameRunTogether, personalWords } from './password-strength.ts';

export const MIN_PASSWORD_LENGTH = 12;
/**
 * Long enough for any passphrase, short enough that nobody can make the
 * server hash a megabyte (argon2 reads the whole input).
 */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * zxcvbn's score 3: at least 10^8 guesses, out of reach of an online attack
 * capped at 100 attempts an hour and a long job offline against argon2id
 * (docs/adr/0019).
 */
export const MIN_PASSWORD_SCORE = 3;
/** Usernames shorter than this ("an") would refuse too many good passphrases. */
const MIN_USERNAME_TO_CHECK = 3;
/** A name run together shorter than this is too common a string to forbid. */
const MIN_NAME_TO_CHECK = 5;
const CONTROL = /\p{Cc}/u;

export interface PasswordContext {
  username: string;
  /** The person's name: their own words are the first an attacker tries. */
  fullName?: string;
  commonPasswords: ReadonlySet<string>;
}

function refuse(reason: WeakPasswordReason, suggestions: readonly string[] = []): never {
  const data: WeakPasswordErrorData = {
    reason,
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    ...(suggestions.length ? { suggestions: [...suggestions] } : {}),
  };
  throw new WeakPasswordError(data);
}

/** Cheap length gate, safe to run before anything else touches the input. */
export function assertPasswordLengthBounded(password: string): void {
  // A code point takes at most 2 UTF-16 units: past this, it is too long whatever it holds.
  if (password.length > MAX_PASSWORD_LENGTH * 2) refuse('too-long');
}

/** zxcvbn's warning, as the reason a person reads. */
const REASON_FOR_WARNING: Record<string, WeakPasswordReason> = {
  simpleRepeat: 'repeated',
  extendedRepeat: 'repeated',
  sequences: 'sequence',
  straightRow: 'keyboard-pattern',
  keyPattern: 'keyboard-pattern',
  recentYears: 'dates',
  dates: 'dates',
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  userInputs: 'contains-name',
};

/** Letters and digits only, without diacritics: "Nguyễn Văn An" and "nguyen-van.an" meet as "nguyenvanan". */
function compact(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * NIST SP 800-63B §3.1.1.2: length, not a known or guessable password, not
 * the person's own name or username; no composition rules ("one digit and
 * one symbol"), which push people to "Matkhau@2024". Guessability is
 * zxcvbn's estimate (password-strength.ts); the explicit checks before it
 * give the clearest reason for the commonest refusals.
 */
export function checkNewPassword(password: string, context: PasswordContext): string {
  assertPasswordLengthBounded(password);
  const normalized = password.normalize('NFC');
  const length = [...normalized].length;
  if (length > MAX_PASSWORD_LENGTH) refuse('too-long');
  if (CONTROL.test(normalized)) refuse('control-characters');
  if (normalized.trim() === '') refuse('whitespace-only');
  if (length < MIN_PASSWORD_LENGTH) refuse('too-short');
  const lower = normalized.toLowerCase();
  // "Mật khẩu 123456" folds to the listed "matkhau123456"; spaces are dropped the same way.
  const folded = foldVietnamese(lower).replace(/\s+/g, '');
  if (context.commonPasswords.has(lower) || context.commonPasswords.has(folded)) refuse('common');
  const fullName = context.fullName ?? '';
  const squeezed = compact(normalized);
  // The whole name, with or without diacritics, spaces or dots; single syllables are left to zxcvbn, or every Nguyễn would be refused "nguyen".
  if (nameRunTogether(fullName).some((name) => name.length >= MIN_NAME_TO_CHECK && squeezed.includes(name)))
    refuse('contains-name');
  const username = context.username.toLowerCase();
  if (username.length >= MIN_USERNAME_TO_CHECK && folded.includes(username)) refuse('contains-username');
  const estimate = estimateStrength(normalized, personalWords(fullName, context.username));
  if (estimate.score < MIN_PASSWORD_SCORE)
    refuse((estimate.warning && REASON_FOR_WARNING[estimate.warning]) || 'guessable', estimate.suggestions);
  return normalized;
}

import { foldVietnamese } from '../../src/text/fold.ts';
import { WeakPasswordError, type WeakPasswordErrorData } from '../errors/weak-password-error.ts';

export const MIN_PASSWORD_LENGTH = 12;
/**
 * Long enough for any passphrase, short enough that nobody can make the
 * server hash a megabyte (argon2 reads the whole input).
 */
export const MAX_PASSWORD_LENGTH = 256;
/** Usernames shorter than this ("an") would refuse too many good passphrases. */
const MIN_USERNAME_TO_CHECK = 3;
const CONTROL = /\p{Cc}/u;

export interface PasswordContext {
  username: string;
  commonPasswords: ReadonlySet<string>;
}

function refuse(reason: WeakPasswordErrorData['reason']): never {
  throw new WeakPasswordError({ reason, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
}

/** Cheap length gate, safe to run before anything else touches the input. */
export function assertPasswordLengthBounded(password: string): void {
  // A code point takes at most 2 UTF-16 units: past this, it is too long whatever it holds.
  if (password.length > MAX_PASSWORD_LENGTH * 2) refuse('too-long');
}

/**
 * NIST SP 800-63B rules, nothing more: length, not a known common password,
 * not the username. No "one digit and one symbol" composition rules — they
 * push people to "Matkhau@2024", which the list catches anyway.
 */
export function checkNewPassword(password: string, context: PasswordContext): string {
  assertPasswordLengthBounded(password);
  const normalized = password.normalize('NFC');
  const length = [...normalized].length;
  if (length > MAX_PASSWORD_LENGTH) refuse('too-long');
  if (CONTROL.test(normalized)) refuse('control-characters');
  if (length < MIN_PASSWORD_LENGTH) refuse('too-short');
  const lower = normalized.toLowerCase();
  // "Mật khẩu 123456" folds to the listed "matkhau123456"; spaces are dropped the same way.
  const folded = foldVietnamese(lower).replace(/\s+/g, '');
  if (context.commonPasswords.has(lower) || context.commonPasswords.has(folded)) refuse('common');
  const username = context.username.toLowerCase();
  if (username.length >= MIN_USERNAME_TO_CHECK && folded.includes(username)) refuse('contains-username');
  return normalized;
}

import { InvalidNameError } from './errors.ts';

export const MAX_FULL_NAME_LENGTH = 100;

// Cc covers C0/C1 controls (tabs, newlines, NUL…); Cf covers invisible format
// characters such as bidi overrides, which could make a name in the audit log
// read differently from what was stored.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const LETTER = /\p{L}/u;

/**
 * A person's name as typed by a manager: NFC, single spaces. Refuses what
 * cannot be a name before anything is stored or derived from it.
 */
export function normalizeFullName(input: string): string {
  if (input.length > MAX_FULL_NAME_LENGTH * 4) {
    throw new InvalidNameError({ reason: 'too-long', maxLength: MAX_FULL_NAME_LENGTH });
  }
  if (CONTROL_OR_FORMAT.test(input)) {
    throw new InvalidNameError({ reason: 'control-characters', maxLength: MAX_FULL_NAME_LENGTH });
  }
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name === '') throw new InvalidNameError({ reason: 'empty', maxLength: MAX_FULL_NAME_LENGTH });
  if ([...name].length > MAX_FULL_NAME_LENGTH) {
    throw new InvalidNameError({ reason: 'too-long', maxLength: MAX_FULL_NAME_LENGTH });
  }
  if (!LETTER.test(name)) throw new InvalidNameError({ reason: 'no-letters', maxLength: MAX_FULL_NAME_LENGTH });
  return name;
}

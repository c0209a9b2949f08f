import { foldVietnamese } from '#src/text/fold.ts';
import { InvalidNameError } from './errors.ts';
import { MAX_FULL_NAME_LENGTH, normalizeFullName } from './full-name.ts';

/** Usernames are ASCII so they can be typed on any keyboard (Điều 11.1a: "không dấu"). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9]*$/;
export const MAX_USERNAME_LENGTH = 32;

/**
 * Turns the words of a name (already folded to lower-case ASCII, family name
 * first) into a username. Swappable because units differ in habit: some
 * write the given name first ("annv").
 */
export type UsernameRule = (words: readonly string[]) => string;

/** Điều 11.1a: initials of family and middle names, then the full given name. */
export const initialsThenGivenName: UsernameRule = (words) =>
  words
    .slice(0, -1)
    .map((word) => word[0])
    .join('') + words.at(-1);

/** The other common habit: given name, then initials ("Nguyễn Văn An" → "annv"). */
export const givenNameThenInitials: UsernameRule = (words) =>
  words.at(-1) +
  words
    .slice(0, -1)
    .map((word) => word[0])
    .join('');

/** Splits a Vietnamese full name into lower-case ASCII words, dropping what folds to nothing. */
export function nameWords(fullName: string): string[] {
  const name = normalizeFullName(fullName);
  const words = foldVietnamese(name)
    .toLowerCase()
    .split(' ')
    .map((word) => word.replace(/[^a-z]/g, ''))
    .filter((word) => word !== '');
  // A name of letters outside Latin script (or only digits and dashes) leaves nothing to spell with.
  if (words.length === 0) throw new InvalidNameError({ reason: 'no-letters', maxLength: MAX_FULL_NAME_LENGTH });
  return words;
}

/** "Nguyễn Văn An" → "nvan"; "Đặng Văn Đức" → "dvduc"; "Hoa" → "hoa". */
export function baseUsername(fullName: string, rule: UsernameRule = initialsThenGivenName): string {
  const username = rule(nameWords(fullName));
  if (!USERNAME_PATTERN.test(username)) {
    throw new InvalidNameError({ reason: 'no-letters', maxLength: MAX_FULL_NAME_LENGTH });
  }
  // Leave room for a collision suffix within the limit.
  if (username.length > MAX_USERNAME_LENGTH - 3) {
    throw new InvalidNameError({ reason: 'username-too-long', maxLength: MAX_USERNAME_LENGTH - 3 });
  }
  return username;
}

/** The base itself when free, else base2, base3… — the first not in `taken`. */
export function firstFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

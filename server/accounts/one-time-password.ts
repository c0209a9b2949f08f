import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a screen or paper and typed once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

export const ONE_TIME_PASSWORD_LIFETIME_MS = 72 * 60 * 60 * 1000;

/**
 * Replaces the regulation's fixed "123" (Điều 11.1b): 16 symbols of 32, i.e.
 * 80 bits, grouped for reading aloud ("k7mq-xt3a-…"). Valid 72 hours and only
 * for changing the password (docs/adr/0011-initial-passwords.md).
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

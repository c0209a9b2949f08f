/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after the letter),
 * shared so every list on the platform sorts alike. ICU compares NFC and NFD
 * spellings as equal.
 */
export const viCollator = new Intl.Collator('vi');

export function sortByVietnamese(items: readonly string[]): string[];
export function sortByVietnamese<T>(items: readonly T[], key: keyof T | ((item: T) => string)): T[];
export function sortByVietnamese<T>(items: readonly T[], key?: keyof T | ((item: T) => string)): T[] {
  const keyOf = (item: T): string =>
    key === undefined ? String(item) : typeof key === 'function' ? key(item) : String(item[key]);
  return [...items].sort((a, b) => viCollator.compare(keyOf(a), keyOf(b)));
}

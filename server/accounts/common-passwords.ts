import { readFileSync } from 'node:fs';

/** Read once per process: the list is fixed at build time. */
let cached: ReadonlySet<string> | undefined;

export function parseCommonPasswords(text: string): ReadonlySet<string> {
  const entries = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.trim();
    if (entry !== '' && !entry.startsWith('#')) entries.add(entry.toLowerCase());
  }
  return entries;
}

export function loadCommonPasswords(): ReadonlySet<string> {
  cached ??= parseCommonPasswords(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8'));
  return cached;
}

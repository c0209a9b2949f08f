import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LegacyEncoding } from '#src/text/index.ts';
import { encodeTcvn3, encodeViqr, encodeVni } from './legacy-encoders.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/text/', import.meta.url));

export const ENCODERS: Record<LegacyEncoding, (text: string) => string> = {
  tcvn3: encodeTcvn3,
  vni: encodeVni,
  viqr: encodeViqr,
};

export function fixturePath(name: string): string {
  return `${FIXTURES}${name}`;
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function legacyFixtureName(encoding: LegacyEncoding): string {
  return `corpus.${encoding}.txt`;
}

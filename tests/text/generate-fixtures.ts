/**
 * Rewrites the legacy fixtures from the Unicode corpus:
 *   node tests/text/generate-fixtures.ts
 * The fixtures are committed so a reviewer can read what TCVN3, VNI and VIQR
 * text looks like; corpus.test.ts fails when they drift from the encoders.
 */
import { writeFileSync } from 'node:fs';
import { LEGACY_ENCODINGS } from '#src/text/index.ts';
import { ENCODERS, fixturePath, legacyFixtureName, readFixture } from './helpers/fixtures.ts';

const corpus = readFixture('corpus.unicode.txt');
for (const encoding of LEGACY_ENCODINGS) {
  writeFileSync(fixturePath(legacyFixtureName(encoding)), ENCODERS[encoding](corpus));
  console.log(`${legacyFixtureName(encoding)} viết xong.`);
}

import { describe, expect, it } from 'vitest';
import {
  generateSecret,
  generateTrackingCode,
  hashSecret,
  normaliseSecret,
  parseTrackingCode,
  verifySecret,
} from '#server/citizen-services/tracking-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('tracking codes', () => {
  it('look like STP-2026-7KQ4-M9 and use no misreadable letter', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateTrackingCode('STP', 2026);
      expect(code.text).toMatch(/^STP-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
      expect(parseTrackingCode(code.text)).toEqual(code);
    }
  });

  it('read back however a person types them', () => {
    const code = generateTrackingCode('STP', 2026, () => '7KQ40');
    const sloppy = `${code.text.slice(0, 9)}${code.text.slice(9).replace('0', 'o')}`.toLowerCase().replace(/-/g, ' ');
    expect(sloppy).toMatch(/^stp 2026 7kq4 o/);
    expect(parseTrackingCode(sloppy).text).toBe(code.text);
    expect(parseTrackingCode(code.text.replace(/-/g, '')).text).toBe(code.text);
    expect(parseTrackingCode(`  ${code.text}  `).text).toBe(code.text);
  });

  it('catch every single mistyped character by the check character', () => {
    const code = generateTrackingCode('STP', 2026, () => '7KQ4M');
    const chars = [...code.body];
    for (let position = 0; position < chars.length; position += 1) {
      for (const replacement of ALPHABET) {
        if (replacement === chars[position]) continue;
        const typo = [...chars];
        typo[position] = replacement;
        expect(codeOf(() => parseTrackingCode(`STP-2026-${typo.join('')}`))).toBe('E_INVALID_TRACKING_CODE');
      }
    }
  });

  it('catch a mistyped year', () => {
    const code = generateTrackingCode('STP', 2026, () => '7KQ4M');
    expect(codeOf(() => parseTrackingCode(code.text.replace('2026', '2025')))).toBe('E_INVALID_TRACKING_CODE');
  });

  it('refuse what is not a code at all', () => {
    for (const input of [
      '',
      'STP',
      'STP-2026',
      'STP-2026-7KQ4',
      'STP-2026-7KQ4-M9X',
      'STP-26-7KQ4-M9',
      '2026-7KQ4-M9',
      'STP-2026-7KQ4-U9',
    ]) {
      expect(
        codeOf(() => parseTrackingCode(input)),
        input,
      ).toBe('E_INVALID_TRACKING_CODE');
    }
  });

  it('refuse a malformed prefix when generating', () => {
    expect(() => generateTrackingCode('stp', 2026)).toThrow(RangeError);
    expect(() => generateTrackingCode('S', 2026)).toThrow(RangeError);
  });
});

describe('tracking secrets', () => {
  const code = generateTrackingCode('STP', 2026);

  it('carry at least 80 bits in four groups of Crockford base32', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(secret.replace(/-/g, '').length * 5).toBeGreaterThanOrEqual(80);
    const many = new Set(Array.from({ length: 1000 }, () => generateSecret()));
    expect(many.size).toBe(1000);
  });

  it('verify against the stored digest, however the citizen types the secret', () => {
    const secret = generateSecret(() => 'ABCD0123EFGH4567');
    const stored = hashSecret(code, secret);
    expect(stored).not.toContain('ABCD');
    expect(verifySecret(code, secret, stored)).toBe(true);
    expect(verifySecret(code, 'abcd o123 efgh 4567', stored)).toBe(true);
  });

  it('refuse a wrong secret, a secret of another case and a damaged digest', () => {
    const secret = generateSecret();
    const stored = hashSecret(code, secret);
    expect(verifySecret(code, generateSecret(), stored)).toBe(false);
    expect(verifySecret(generateTrackingCode('STP', 2026), secret, stored)).toBe(false);
    expect(verifySecret(code, secret, stored.slice(0, -1))).toBe(false);
    expect(verifySecret(code, secret, `v0${stored.slice(2)}`)).toBe(false);
    expect(verifySecret(code, 'ngắn', stored)).toBe(false);
  });

  it('normalise only what can be a secret', () => {
    expect(normaliseSecret('abcd-0123-efgh-4567')).toBe('ABCD0123EFGH4567');
    expect(normaliseSecret('ABCD-0123-EFGH-456U')).toBeNull();
    expect(normaliseSecret('ABCD-0123')).toBeNull();
  });
});

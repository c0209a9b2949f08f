/** The encodings a Vietnamese text can arrive in; Unicode is the only one kept (Điều 8.2). */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';
export type TextEncoding = 'unicode' | LegacyEncoding;

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viqr'];
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['unicode', ...LEGACY_ENCODINGS];

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** What `convertToUnicode` did: the NFC text, the encoding it came in, and whether anything changed. */
export interface ConversionResult {
  text: string;
  encoding: TextEncoding;
  changed: boolean;
}

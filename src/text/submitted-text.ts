import { convertToUnicode } from './convert.ts';
import type { TextEncoding } from './encoding.ts';
import { conversionMessage } from './messages.ts';

/**
 * What people type or paste, made Unicode NFC (Điều 8) before anything is
 * validated or stored. A field converted from a legacy encoding is reported
 * with its original, so the caller can keep the original in the record's
 * history and tell the person what happened.
 */
export interface FieldConversion {
  field: string;
  encoding: Exclude<TextEncoding, 'unicode'>;
  original: string;
  /** The Vietnamese sentence to show the person. */
  message: string;
}

export function normaliseSubmittedFields<T extends Record<string, unknown>>(
  fields: T,
): { fields: T; conversions: FieldConversion[] } {
  const out: Record<string, unknown> = {};
  const conversions: FieldConversion[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string') {
      out[field] = value;
      continue;
    }
    const result = convertToUnicode(value);
    out[field] = result.text;
    if (result.changed && result.encoding !== 'unicode') {
      conversions.push({
        field,
        encoding: result.encoding,
        original: value,
        message: conversionMessage(result.encoding),
      });
    }
  }
  return { fields: out as T, conversions };
}

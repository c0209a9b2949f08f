import { isTextEncoding, type ConversionResult, type TextEncoding } from './encoding.ts';
import { joinPlan, planConversion, type ConversionSource } from './plan.ts';
import { UnknownEncodingError } from './errors.ts';

export interface ConvertOptions {
  /** The encoding the text is known to be in; `auto` (the default) detects it. */
  from?: ConversionSource;
}

export function isConversionSource(value: string): value is ConversionSource {
  return value === 'auto' || isTextEncoding(value);
}

/**
 * Turns text in any encoding officials paste (TCVN3, VNI, VIQR, Unicode with
 * combining marks) into Unicode NFC. Text that is already Unicode only gets
 * normalised; English is never touched.
 */
export function convertToUnicode(text: string, options: ConvertOptions = {}): ConversionResult {
  const from = options.from ?? 'auto';
  if (!isConversionSource(from)) throw new UnknownEncodingError(from);
  const plan = planConversion(text, from);
  const converted = joinPlan(plan);
  return { text: converted, encoding: plan.encoding, changed: converted !== text };
}

/** The encoding a text is in: a legacy one only on convincing evidence, otherwise `unicode`. */
export function detectEncoding(text: string): TextEncoding {
  return planConversion(text, 'auto').encoding;
}

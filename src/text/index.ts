/**
 * Vietnamese text done right (Điều 8): one module for the build, the CMS
 * backend and the citizen services. Pure functions, no framework imports.
 */
export { foldVietnamese, slugify } from './fold.ts';
export { toNfc, isNfc, findNonNfc, describeCodePoints, type NfcIssue } from './nfc.ts';
export { isVietnameseSyllable } from './syllable.ts';
export {
  LEGACY_ENCODINGS, TEXT_ENCODINGS, isTextEncoding,
  type LegacyEncoding, type TextEncoding, type ConversionResult,
} from './encoding.ts';
export { decodeTcvn3 } from './tcvn3.ts';
export { decodeVni } from './vni.ts';
export { decodeViqr } from './viqr.ts';
export { convertToUnicode, detectEncoding, isConversionSource, type ConvertOptions } from './convert.ts';
export type { ConversionSource } from './plan.ts';
export { findTextProblems, type TextProblem } from './problems.ts';
export { ENCODING_LABELS, conversionMessage } from './messages.ts';
export { UnknownEncodingError } from './errors.ts';
export { formatDateLong, formatDateShort, formatDateTime, VIETNAM_TIME_ZONE, type DateInput } from './format-date.ts';
export { formatNumber, formatVnd } from './format-number.ts';
export { viCollator, sortByVietnamese } from './collate.ts';
export { InvalidFormatInputError } from './errors.ts';

/**
 * Vietnamese text done right (Điều 8): the conversion of legacy encodings and
 * the text checks, as the CLI and the content checks use them. The
 * formatting, folding and collation helpers are imported from their own
 * modules (`format-date.ts`, `fold.ts`, `collate.ts`): each has one job.
 */
export { LEGACY_ENCODINGS, type LegacyEncoding, type TextEncoding } from './encoding.ts';
export { decodeTcvn3 } from './tcvn3.ts';
export { decodeVni } from './vni.ts';
export { decodeViqr } from './viqr.ts';
export { convertToUnicode, detectEncoding, isConversionSource } from './convert.ts';
export type { ConversionSource } from './plan.ts';
export { findTextProblems } from './problems.ts';
export { ENCODING_LABELS } from './messages.ts';
export { UnknownEncodingError } from './errors.ts';
export { formatNumber } from './format-number.ts';

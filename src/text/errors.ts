import { DomainError } from '../errors.ts';
import { TEXT_ENCODINGS } from './encoding.ts';

/**
 * Refusals of the Vietnamese text functions (Điều 8). They know nothing of
 * HTTP: a script prints the sentence, the server answers it as refused input
 * (docs/adr/0081-one-error-shape.md). Tests assert `code`.
 */

export type InvalidFormatInputErrorData = { expected: 'date' | 'number'; value: string };
/** A formatter got something it cannot show: an invalid date, NaN, Infinity. */
export class InvalidFormatInputError extends DomainError<InvalidFormatInputErrorData> {
  static readonly code = 'INVALID_FORMAT_INPUT';
  constructor(expected: 'date' | 'number', value: unknown) {
    const what = expected === 'date' ? 'ngày tháng' : 'số';
    super(
      InvalidFormatInputError.code,
      { expected, value: String(value) },
      `Giá trị “${String(value)}” không phải ${what} hợp lệ.`,
    );
  }
}

export type UnknownEncodingErrorData = { encoding: string; known: readonly string[] };
/** A caller named an encoding the converter does not know (a typo in `--from`, say). */
export class UnknownEncodingError extends DomainError<UnknownEncodingErrorData> {
  static readonly code = 'UNKNOWN_ENCODING';
  constructor(encoding: string) {
    const known = [...TEXT_ENCODINGS, 'auto'];
    super(
      UnknownEncodingError.code,
      { encoding, known },
      `Không rõ bảng mã “${encoding}”. Chỉ dùng được: ${known.join(', ')}.`,
    );
  }
}

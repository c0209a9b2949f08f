/** A formatter got something it cannot show: an invalid date, NaN, Infinity. */
export class InvalidFormatInputError extends Error {
  static readonly code = 'INVALID_FORMAT_INPUT';
  readonly code = InvalidFormatInputError.code;
  readonly data: { expected: 'date' | 'number'; value: string };

  constructor(expected: 'date' | 'number', value: unknown) {
    const what = expected === 'date' ? 'ngày tháng' : 'số';
    super(`Giá trị “${String(value)}” không phải ${what} hợp lệ.`);
    this.name = 'InvalidFormatInputError';
    this.data = { expected, value: String(value) };
  }
}

import { TEXT_ENCODINGS } from './encoding.ts';

/** A caller named an encoding the converter does not know (a typo in `--from`, say). */
export class UnknownEncodingError extends Error {
  static readonly code = 'UNKNOWN_ENCODING';
  readonly code = UnknownEncodingError.code;
  readonly data: { encoding: string; known: readonly string[] };

  constructor(encoding: string) {
    const known = [...TEXT_ENCODINGS, 'auto'];
    super(`Không rõ bảng mã “${encoding}”. Chỉ dùng được: ${known.join(', ')}.`);
    this.name = 'UnknownEncodingError';
    this.data = { encoding, known };
  }
}

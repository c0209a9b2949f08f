import { AppError } from '../app-error.ts';

export type UnsupportedContentTypeErrorData = { expected: string; received: string | null };

export class UnsupportedContentTypeError extends AppError<UnsupportedContentTypeErrorData> {
  static readonly code = 'E_CONTENT_TYPE';

  constructor(data: UnsupportedContentTypeErrorData) {
    super(UnsupportedContentTypeError.code, 415, data, 'unsupported content type');
  }
}

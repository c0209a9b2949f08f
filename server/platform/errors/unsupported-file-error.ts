import { AppError } from '../app-error.ts';

export type UnsupportedFileErrorData = { fileName: string; reason: 'unknown-content' | 'macro-enabled' | 'empty' };

export class UnsupportedFileError extends AppError<UnsupportedFileErrorData> {
  static readonly code = 'E_UNSUPPORTED_FILE';

  constructor(data: UnsupportedFileErrorData) {
    super(UnsupportedFileError.code, 415, data, 'file is not an accepted PDF, JPEG, PNG, DOCX or ODT');
  }
}

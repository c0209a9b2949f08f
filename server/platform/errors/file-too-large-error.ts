import { AppError } from '../app-error.ts';

export type FileTooLargeErrorData = { fileName: string; maxBytes: number };

export class FileTooLargeError extends AppError<FileTooLargeErrorData> {
  static readonly code = 'E_FILE_TOO_LARGE';

  constructor(data: FileTooLargeErrorData) {
    super(FileTooLargeError.code, 413, data, 'file too large');
  }
}

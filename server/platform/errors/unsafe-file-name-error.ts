import { AppError } from '../app-error.ts';

/** A browser sends a file's base name only; a path in it means a crafted request. */
export type UnsafeFileNameErrorData = { fileName: string };

export class UnsafeFileNameError extends AppError<UnsafeFileNameErrorData> {
  static readonly code = 'E_UNSAFE_FILE_NAME';

  constructor(data: UnsafeFileNameErrorData) {
    super(UnsafeFileNameError.code, 400, data, 'file name contains a path');
  }
}

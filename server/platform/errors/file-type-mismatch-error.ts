import { AppError } from '../app-error.ts';

export type FileTypeMismatchErrorData = { fileName: string; detected: 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt'; extension: string };

export class FileTypeMismatchError extends AppError<FileTypeMismatchErrorData> {
  static readonly code = 'E_FILE_TYPE_MISMATCH';

  constructor(data: FileTypeMismatchErrorData) {
    super(FileTypeMismatchError.code, 415, data, 'file content does not match its name');
  }
}

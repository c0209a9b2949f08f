import { AppError } from '../app-error.ts';

export type AttachmentsTooLargeErrorData = { maxTotalBytes: number; maxFiles: number; files: number; totalBytes: number };

export class AttachmentsTooLargeError extends AppError<AttachmentsTooLargeErrorData> {
  static readonly code = 'E_ATTACHMENTS_TOO_LARGE';

  constructor(data: AttachmentsTooLargeErrorData) {
    super(AttachmentsTooLargeError.code, 413, data, 'too many files or too many bytes in one submission');
  }
}

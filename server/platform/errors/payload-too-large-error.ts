import { AppError } from '../app-error.ts';

export type PayloadTooLargeErrorData = { maxBytes: number };

export class PayloadTooLargeError extends AppError<PayloadTooLargeErrorData> {
  static readonly code = 'E_PAYLOAD_TOO_LARGE';

  constructor(data: PayloadTooLargeErrorData) {
    super(PayloadTooLargeError.code, 413, data, 'request body too large');
  }
}

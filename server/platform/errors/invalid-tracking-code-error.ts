import { AppError } from '../app-error.ts';

export type InvalidTrackingCodeErrorData = { reason: 'format' | 'check-character' };

export class InvalidTrackingCodeError extends AppError<InvalidTrackingCodeErrorData> {
  static readonly code = 'E_INVALID_TRACKING_CODE';

  constructor(data: InvalidTrackingCodeErrorData) {
    super(InvalidTrackingCodeError.code, 400, data, 'tracking code is malformed');
  }
}

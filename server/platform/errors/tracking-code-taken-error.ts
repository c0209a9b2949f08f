import { AppError } from '../app-error.ts';

/** Internal: the service draws another code; a citizen never sees it unless every retry collides. */
export type TrackingCodeTakenErrorData = { trackingCode: string };

export class TrackingCodeTakenError extends AppError<TrackingCodeTakenErrorData> {
  static readonly code = 'E_TRACKING_CODE_TAKEN';

  constructor(data: TrackingCodeTakenErrorData) {
    super(TrackingCodeTakenError.code, 409, data, 'tracking code already in use');
  }
}

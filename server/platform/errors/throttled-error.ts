import { AppError } from '../app-error.ts';

/** `capped`: the hourly cap of the bucket is reached (docs/adr/0018); otherwise a growing delay. */
export type ThrottledErrorData = { retryAfterSeconds: number; capped: boolean };

export class ThrottledError extends AppError<ThrottledErrorData> {
  static readonly code = 'E_THROTTLED';

  constructor(data: ThrottledErrorData) {
    super(ThrottledError.code, 429, data, 'too many failed sign-in attempts');
  }
}

import { AppError } from './app-error.ts';

export type ThrottledErrorData = { retryAfterSeconds: number; locked: boolean };

export class ThrottledError extends AppError<ThrottledErrorData> {
  static readonly code = 'E_THROTTLED';

  constructor(data: ThrottledErrorData) {
    super(ThrottledError.code, 429, data, 'too many failed sign-in attempts');
  }
}

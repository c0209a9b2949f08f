import { AppError } from '../app-error.ts';

export type RateLimitedErrorData = { retryAfterSeconds: number };

export class RateLimitedError extends AppError<RateLimitedErrorData> {
  static readonly code = 'E_RATE_LIMITED';

  constructor(data: RateLimitedErrorData) {
    super(RateLimitedError.code, 429, data, 'too many requests from this address');
  }
}

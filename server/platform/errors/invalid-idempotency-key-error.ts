import { AppError } from '../app-error.ts';

export type InvalidIdempotencyKeyErrorData = Record<string, never>;

export class InvalidIdempotencyKeyError extends AppError<InvalidIdempotencyKeyErrorData> {
  static readonly code = 'E_INVALID_IDEMPOTENCY_KEY';

  constructor(data: InvalidIdempotencyKeyErrorData) {
    super(InvalidIdempotencyKeyError.code, 400, data, 'idempotency key malformed');
  }
}

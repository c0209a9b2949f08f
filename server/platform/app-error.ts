import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, isDomainError } from '#src/errors.ts';

/**
 * A refusal the server answers: a `DomainError` (code, typed data, the
 * Vietnamese sentence) with the HTTP status it is answered with, and, for
 * refusals that pass with time, how long to wait (`Retry-After`, set in one
 * place: the error response).
 */
export class AppError<TData extends object = Record<string, never>> extends DomainError<TData> {
  readonly status: ContentfulStatusCode;
  readonly retryAfterSeconds?: number;

  constructor(code: string, status: ContentfulStatusCode, data: TData, message: string, options: { retryAfterSeconds?: number } = {}) {
    super(code, data, message);
    this.status = status;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A pure library's refusal of its input, as the server answers it. */
class UnprocessableError extends AppError<object> {
  constructor(error: DomainError<object>) {
    super(error.code, 422, error.data, error.message);
  }
}

/** The error as the server answers it, or null for anything that is not a refusal (a bug). */
export function asAppError(value: unknown): AppError<object> | null {
  if (value instanceof AppError) return value;
  if (isDomainError(value)) return new UnprocessableError(value);
  return null;
}

export function isAppError(value: unknown): value is AppError<object> {
  return asAppError(value) !== null;
}

import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CalendarOutOfRangeError, IncompleteHolidayYearError } from '#src/calendar/working-days.ts';
import { DomainError, isDomainError } from '#src/errors.ts';
import { InvalidFormatInputError } from '#src/text/errors.ts';

/**
 * A refusal the server answers: a `DomainError` (code, typed data, the
 * Vietnamese sentence) with the HTTP status it is answered with, and, for
 * refusals that pass with time, how long to wait (`Retry-After`, set in one
 * place: the error response). Refusals live in their capability's
 * `errors.ts` (docs/adr/0081-one-error-shape.md).
 */
export class AppError<TData extends object = Record<string, never>> extends DomainError<TData> {
  readonly status: ContentfulStatusCode;
  readonly retryAfterSeconds?: number;

  constructor(
    code: string,
    status: ContentfulStatusCode,
    data: TData,
    message: string,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(code, data, message);
    this.status = status;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A refusal class of the server: `new X(data)`, with its code readable as `X.code`. */
export interface AppErrorClass<TData extends object> {
  readonly code: string;
  new (...data: Record<string, never> extends TData ? [data?: TData] : [data: TData]): AppError<TData>;
  readonly prototype: AppError<TData>;
}

/**
 * Declares one refusal: its stable code, the HTTP status it is answered
 * with, the Vietnamese sentence built from its data and, for refusals that
 * pass with time, how long to wait — together, in the capability's
 * `errors.ts` (docs/adr/0081-one-error-shape.md). The code is also the
 * error's name, as logs show it.
 */
export function appError<TData extends object = Record<string, never>>(
  code: string,
  status: ContentfulStatusCode,
  sentence: (data: TData) => string,
  options: { retryAfterSeconds?: (data: TData) => number } = {},
): AppErrorClass<TData> {
  const Refusal = class extends AppError<TData> {
    static readonly code = code;
    constructor(data: TData = {} as TData) {
      const retryAfterSeconds = options.retryAfterSeconds?.(data);
      super(code, status, data, sentence(data), retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
    }
  };
  Object.defineProperty(Refusal, 'name', { value: code });
  return Refusal as unknown as AppErrorClass<TData>;
}

/** A pure library's refusal of its input, as the server answers it. */
class UnprocessableError extends AppError<object> {
  constructor(error: DomainError<object>) {
    super(error.code, 422, error.data, error.message);
  }
}

/**
 * Errors of pure code that blame the platform's own data, not the request:
 * a holiday table that ends too early (forgetting to extend it must be loud,
 * docs/adr/0050), a stored value the server cannot format. Met while
 * answering a request, they are the server's failure: logged, and answered
 * 500 with the generic sentence (docs/adr/0081-one-error-shape.md).
 */
const PLATFORM_FAILURES = [CalendarOutOfRangeError, IncompleteHolidayYearError, InvalidFormatInputError];

/** The error as the server answers it, or null for anything that is not a refusal (a bug). */
export function asAppError(value: unknown): AppError<object> | null {
  if (value instanceof AppError) return value;
  if (PLATFORM_FAILURES.some((type) => value instanceof type)) return null;
  if (isDomainError(value)) return new UnprocessableError(value);
  return null;
}

export function isAppError(value: unknown): value is AppError<object> {
  return asAppError(value) !== null;
}

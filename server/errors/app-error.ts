import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Base of every error the server maps to a response. Subclasses carry a
 * static `code` (stable, asserted by tests and clients), structured `data`
 * and the HTTP status; the Vietnamese text lives in `messages.ts` so the
 * wording can change without touching a test.
 */
export class AppError<TData extends object = Record<string, never>> extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  readonly data: TData;

  constructor(code: string, status: ContentfulStatusCode, data: TData, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.data = data;
  }
}

export function isAppError(value: unknown): value is AppError<object> {
  return value instanceof AppError;
}

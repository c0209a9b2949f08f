/**
 * Base of every refusal the platform states: a stable `code` (asserted by
 * tests and clients), typed `data`, and the Vietnamese sentence a person
 * reads, kept together. Code under `src/` (schemas, the build, the checks,
 * file kinds) throws these without an HTTP status: it knows nothing of HTTP.
 * The server's `AppError` adds the status; a `DomainError` that reaches the
 * server as it is refused the input it was given, and is answered 422
 * (docs/adr/0080-code-layout.md).
 */
export class DomainError<TData extends object = Record<string, never>> extends Error {
  readonly code: string;
  readonly data: TData;

  constructor(code: string, data: TData, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.data = data;
  }
}

export function isDomainError(value: unknown): value is DomainError<object> {
  return value instanceof DomainError;
}

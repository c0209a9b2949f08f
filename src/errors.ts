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

/** A refusal class: `new X(data)`, with its code readable as `X.code`. */
export interface DomainErrorClass<TData extends object> {
  readonly code: string;
  new (...data: Record<string, never> extends TData ? [data?: TData] : [data: TData]): DomainError<TData>;
  readonly prototype: DomainError<TData>;
}

/**
 * Declares one refusal of pure code: its stable code and the Vietnamese
 * sentence built from its data, in one line where they are read together
 * (docs/adr/0081-one-error-shape.md). The code is also the error's name, as
 * logs show it.
 */
export function domainError<TData extends object = Record<string, never>>(
  code: string,
  sentence: (data: TData) => string,
): DomainErrorClass<TData> {
  const Refusal = class extends DomainError<TData> {
    static readonly code = code;
    constructor(data: TData = {} as TData) {
      super(code, data, sentence(data));
    }
  };
  Object.defineProperty(Refusal, 'name', { value: code });
  return Refusal as unknown as DomainErrorClass<TData>;
}

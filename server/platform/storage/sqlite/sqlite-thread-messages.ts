import * as accountRefusals from '#server/accounts/errors.ts';
import * as caseRefusals from '#server/citizen-services/errors.ts';
import { AppError } from '../../app-error.ts';
import * as platformRefusals from '../../errors.ts';

/**
 * What crosses between the server and its storage thread (docs/adr/0054).
 * A call names a repository (`''` for the storage itself) and a method; its
 * arguments and result are copied (structured clone), so only data crosses.
 * An error crosses as its description and is rebuilt on the server's side
 * as the same refusal, so callers catch the same class and tests assert
 * the same code as with the adapter in the same thread.
 */
export interface Call {
  id: number;
  repo: string;
  method: string;
  args: unknown[];
}

export type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorDescription };

/** The thread's first message: which repositories and methods the adapter has, or why it could not open. */
export type Opened = { opened: true; shape: Record<string, string[]> } | { opened: false; error: ErrorDescription };

export interface ErrorDescription {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  /** Set for a refusal (`AppError`): how it is answered. */
  status?: number;
  data?: object;
  retryAfterSeconds?: number;
  /** SQLite's own error code (node:sqlite), kept for the adapter's callers that read it. */
  errcode?: number;
  errstr?: string;
}

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, status, data, retryAfterSeconds, errcode, errstr } = error as Error & Partial<ErrorDescription>;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    code,
    status,
    data,
    retryAfterSeconds,
    errcode,
    errstr,
  };
}

type RefusalClass = (new (data: object) => AppError<object>) & { code: string };

/** The refusals a storage adapter throws (uniqueness, versions, decided lists), by code. */
const REFUSALS = new Map<string, RefusalClass>(
  [accountRefusals, caseRefusals, platformRefusals]
    .flatMap((module) => Object.values(module) as unknown[])
    .filter(
      (value): value is RefusalClass =>
        typeof value === 'function' &&
        value.prototype instanceof AppError &&
        typeof (value as RefusalClass).code === 'string',
    )
    .map((type) => [type.code, type]),
);

/** The error as the adapter threw it: the same refusal class when known, else an error with the same code, status and data. */
export function rebuildError(description: ErrorDescription): Error {
  const { code, status, data = {}, message, retryAfterSeconds } = description;
  const Refusal = code ? REFUSALS.get(code) : undefined;
  let error: Error | undefined;
  if (Refusal) {
    try {
      error = new Refusal(data);
    } catch {
      // A constructor that cannot rebuild from this data: fall through to the generic shape, code and status kept.
    }
  }
  if (!error && code && status)
    error = new AppError(
      code,
      status as never,
      data,
      message,
      retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
    );
  if (!error) {
    // Not a refusal (a SQLite failure, a bug): the thread's stack is the useful one.
    error = Object.assign(new Error(message), {
      name: description.name,
      code,
      errcode: description.errcode,
      errstr: description.errstr,
    });
  }
  if (description.stack) error.stack = description.stack;
  return error;
}

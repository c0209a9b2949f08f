import { AppError } from '../app-error.ts';

/** Also the answer to a wrong secret: a look-up never tells which of code or secret was wrong. */
export type CaseNotFoundErrorData = Record<string, never>;

export class CaseNotFoundError extends AppError<CaseNotFoundErrorData> {
  static readonly code = 'E_CASE_NOT_FOUND';

  constructor(data: CaseNotFoundErrorData) {
    super(CaseNotFoundError.code, 404, data, 'no such case, or wrong secret');
  }
}

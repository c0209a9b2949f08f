import { AppError } from '../app-error.ts';

export type ReasonRequiredErrorData = { transition: string; field: 'publicText' | 'assignee' };

export class ReasonRequiredError extends AppError<ReasonRequiredErrorData> {
  static readonly code = 'E_REASON_REQUIRED';

  constructor(data: ReasonRequiredErrorData) {
    super(ReasonRequiredError.code, 400, data, 'this transition needs a public reason or answer');
  }
}

import { AppError } from '../app-error.ts';

export type NotApplicableErrorData = { what: 'sections' | 'delegation'; role: string };

export class NotApplicableError extends AppError<NotApplicableErrorData> {
  static readonly code = 'E_NOT_APPLICABLE';

  constructor(data: NotApplicableErrorData) {
    super(NotApplicableError.code, 400, data, 'this setting does not apply to the role');
  }
}

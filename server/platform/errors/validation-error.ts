import { AppError } from '../app-error.ts';

export type ValidationErrorData = { issues: Array<{ field: string; problem: string }> };

export class ValidationError extends AppError<ValidationErrorData> {
  static readonly code = 'E_INVALID_INPUT';

  constructor(data: ValidationErrorData) {
    super(ValidationError.code, 400, data, 'request input is invalid');
  }
}

import { AppError } from '../app-error.ts';

export class PasswordChangeRequiredError extends AppError {
  static readonly code = 'E_PASSWORD_CHANGE_REQUIRED';

  constructor() {
    super(PasswordChangeRequiredError.code, 403, {}, 'the password must be changed first');
  }
}

import { AppError } from '../app-error.ts';

export class InitialPasswordExpiredError extends AppError {
  static readonly code = 'E_INITIAL_PASSWORD_EXPIRED';

  constructor() {
    super(InitialPasswordExpiredError.code, 401, {}, 'one-time password has expired');
  }
}

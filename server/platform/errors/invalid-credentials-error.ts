import { AppError } from '../app-error.ts';

export class InvalidCredentialsError extends AppError {
  static readonly code = 'E_INVALID_CREDENTIALS';

  constructor() {
    super(InvalidCredentialsError.code, 401, {}, 'wrong username or password');
  }
}
